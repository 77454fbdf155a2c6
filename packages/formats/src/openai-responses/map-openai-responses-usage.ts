import type { Usage } from '@switchyard/core';
import type { OpenAIResponsesUsage } from './openai-responses-api.js';

/**
 * Responses usage → canonical. input_tokens already includes the cached tokens, as canonical
 * `input` does; reasoning_tokens is the part of output_tokens spent thinking.
 */
export function decodeOpenAIResponsesUsage(usage: OpenAIResponsesUsage): Usage {
  const input = usage.input_tokens ?? 0;
  const output = usage.output_tokens ?? 0;
  const decoded: Usage = { input, output, total: usage.total_tokens ?? input + output };
  const cached = usage.input_tokens_details?.cached_tokens;
  if (cached != null) decoded.cachedInput = cached;
  const cacheWrite = usage.input_tokens_details?.cache_write_tokens;
  if (cacheWrite != null) decoded.cacheWrite = cacheWrite;
  const reasoning = usage.output_tokens_details?.reasoning_tokens;
  if (reasoning != null) decoded.reasoning = reasoning;
  decoded.raw = usage;
  return decoded;
}

/**
 * Canonical usage → the Responses object. When the raw value is itself a Responses usage
 * (the answer came from a Responses upstream) it is the base, so every detail comes back;
 * the three totals always come from the canonical numbers. Otherwise both detail objects are
 * written, with 0 where the provider reported nothing: the SDKs type them as required and
 * clients read `input_tokens_details.cached_tokens` without a guard, and 0 is what OpenAI
 * itself reports when no token was cached or spent reasoning.
 */
export function encodeOpenAIResponsesUsage(usage: Usage): Record<string, unknown> {
  const raw = usage.raw;
  if (isResponsesUsage(raw)) {
    return { ...raw, input_tokens: usage.input, output_tokens: usage.output, total_tokens: usage.total };
  }
  return {
    input_tokens: usage.input,
    input_tokens_details: {
      cached_tokens: usage.cachedInput ?? 0,
      ...(usage.cacheWrite !== undefined && { cache_write_tokens: usage.cacheWrite }),
    },
    output_tokens: usage.output,
    output_tokens_details: { reasoning_tokens: usage.reasoning ?? 0 },
    total_tokens: usage.total,
  };
}

function isResponsesUsage(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).input_tokens === 'number' &&
    typeof (value as Record<string, unknown>).output_tokens === 'number'
  );
}
