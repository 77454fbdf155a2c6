import type { Usage } from '@switchyard/core';
import type { AnthropicUsage } from './anthropic-messages-api.js';

/**
 * Anthropic usage → canonical. Anthropic's `input_tokens` counts only the tokens after the
 * last cache breakpoint; canonical `input` counts every prompt token, so cache reads and
 * cache writes are added back. Thinking tokens are billed as output and not reported apart,
 * so `reasoning` stays unknown. The raw object (with `cache_creation.ephemeral_5m/1h`) is kept.
 */
export function decodeAnthropicUsage(usage: AnthropicUsage): Usage {
  const cacheRead = usage.cache_read_input_tokens ?? undefined;
  const cacheWrite = usage.cache_creation_input_tokens ?? undefined;
  const input = (usage.input_tokens ?? 0) + (cacheRead ?? 0) + (cacheWrite ?? 0);
  const output = usage.output_tokens ?? 0;
  const decoded: Usage = { input, output, total: input + output };
  if (cacheRead !== undefined) decoded.cachedInput = cacheRead;
  if (cacheWrite !== undefined) decoded.cacheWrite = cacheWrite;
  decoded.raw = usage;
  return decoded;
}

/**
 * Canonical usage → Anthropic's object. When the raw value is itself Anthropic's (the answer
 * came from Anthropic) it is the base, so `cache_creation`, `service_tier` and the rest come
 * back; the counts always come from the canonical numbers. A cache count the source did not
 * report is `null`, as the API types allow, rather than an invented 0.
 */
export function encodeAnthropicUsage(usage: Usage): Record<string, unknown> {
  const counts = {
    input_tokens: Math.max(0, usage.input - (usage.cachedInput ?? 0) - (usage.cacheWrite ?? 0)),
    cache_creation_input_tokens: usage.cacheWrite ?? null,
    cache_read_input_tokens: usage.cachedInput ?? null,
    output_tokens: usage.output,
  };
  return isAnthropicUsage(usage.raw) ? { ...usage.raw, ...counts } : counts;
}

export function isAnthropicUsage(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).input_tokens === 'number' &&
    typeof (value as Record<string, unknown>).output_tokens === 'number'
  );
}
