import type { Usage } from '@switchyard/core';
import type { BedrockUsage } from './bedrock-api.js';

/**
 * Bedrock's usage -> canonical. Bedrock's `inputTokens` counts only the uncached part of the
 * prompt: cache reads and writes come beside it and `totalTokens` sums all of them with the output
 * (the recorded usage-cache-read: 2 + 1322 read + 5 output = 1329). Canonical `input` counts the
 * whole prompt, so it is inputTokens + cacheReadInputTokens + cacheWriteInputTokens. Bedrock does
 * not report reasoning tokens apart from the output.
 */
export function mapBedrockUsage(usage: BedrockUsage): Usage {
  const cacheRead = usage.cacheReadInputTokens ?? usage.cacheReadInputTokenCount ?? undefined;
  const cacheWrite = usage.cacheWriteInputTokens ?? usage.cacheWriteInputTokenCount ?? undefined;
  const input = (usage.inputTokens ?? 0) + (cacheRead ?? 0) + (cacheWrite ?? 0);
  const output = usage.outputTokens ?? 0;
  const mapped: Usage = { input, output, total: usage.totalTokens ?? input + output, raw: usage };
  if (cacheRead != null) mapped.cachedInput = cacheRead;
  if (cacheWrite != null) mapped.cacheWrite = cacheWrite;
  return mapped;
}
