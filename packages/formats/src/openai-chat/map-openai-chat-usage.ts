import type { Usage } from '@switchyard/core';
import type { OpenAIChatUsage } from './openai-chat-api.js';

/**
 * OpenAI usage → canonical. prompt_tokens already includes cached tokens, as canonical
 * `input` does. DeepSeek's prompt_cache_hit_tokens is the fallback for cachedInput.
 */
export function decodeOpenAIChatUsage(usage: OpenAIChatUsage): Usage {
  const input = usage.prompt_tokens ?? 0;
  const output = usage.completion_tokens ?? 0;
  const decoded: Usage = { input, output, total: usage.total_tokens ?? input + output };
  const cached = usage.prompt_tokens_details?.cached_tokens ?? usage.prompt_cache_hit_tokens;
  if (cached != null) decoded.cachedInput = cached;
  const cacheWrite = usage.prompt_tokens_details?.cache_write_tokens;
  if (cacheWrite != null) decoded.cacheWrite = cacheWrite;
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  if (reasoning != null) decoded.reasoning = reasoning;
  decoded.raw = usage;
  return decoded;
}

/**
 * Canonical usage → OpenAI's object. When the raw value is itself an OpenAI-shaped usage
 * (the answer came from an OpenAI-style provider) it is the base, so every detail the
 * provider sent (audio tokens, prediction tokens, DeepSeek's cache counters) comes back;
 * the three totals always come from the canonical numbers.
 */
export function encodeOpenAIChatUsage(usage: Usage): Record<string, unknown> {
  const raw = usage.raw;
  if (isOpenAIUsage(raw)) {
    return { ...raw, prompt_tokens: usage.input, completion_tokens: usage.output, total_tokens: usage.total };
  }
  const encoded: Record<string, unknown> = {
    prompt_tokens: usage.input,
    completion_tokens: usage.output,
    total_tokens: usage.total,
  };
  if (usage.cachedInput !== undefined || usage.cacheWrite !== undefined) {
    encoded.prompt_tokens_details = {
      cached_tokens: usage.cachedInput ?? 0,
      ...(usage.cacheWrite !== undefined && { cache_write_tokens: usage.cacheWrite }),
    };
  }
  if (usage.reasoning !== undefined) encoded.completion_tokens_details = { reasoning_tokens: usage.reasoning };
  return encoded;
}

function isOpenAIUsage(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).prompt_tokens === 'number' &&
    typeof (value as Record<string, unknown>).completion_tokens === 'number'
  );
}
