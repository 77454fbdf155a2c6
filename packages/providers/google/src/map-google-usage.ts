import type { Usage } from '@switchyard/core';
import type { GoogleUsageMetadata } from './google-api.js';

/**
 * Gemini's usageMetadata → canonical usage, the raw object kept.
 * https://ai.google.dev/api/generate-content#UsageMetadata
 *
 * - input = promptTokenCount (which already includes cachedContentTokenCount) +
 *   toolUsePromptTokenCount (results of server-side tools fed back to the model).
 * - output = candidatesTokenCount + thoughtsTokenCount: Gemini counts thinking apart from
 *   the answer and bills it as output; reasoning = thoughtsTokenCount.
 * - cachedInput = cachedContentTokenCount (implicit or explicit context cache reads). Gemini
 *   reports no cache writes.
 * - total = totalTokenCount, which Google defines as prompt + candidates + toolUsePrompt +
 *   thoughts, i.e. input + output; computed so when absent.
 */
export function mapGoogleUsage(metadata: GoogleUsageMetadata): Usage {
  const prompt = metadata.promptTokenCount ?? 0;
  const toolUsePrompt = metadata.toolUsePromptTokenCount ?? 0;
  const candidates = metadata.candidatesTokenCount ?? 0;
  const thoughts = metadata.thoughtsTokenCount ?? 0;
  const input = prompt + toolUsePrompt;
  const output = candidates + thoughts;
  const usage: Usage = { input, output, total: metadata.totalTokenCount ?? input + output, raw: metadata };
  if (metadata.cachedContentTokenCount != null) usage.cachedInput = metadata.cachedContentTokenCount;
  if (metadata.thoughtsTokenCount != null) usage.reasoning = metadata.thoughtsTokenCount;
  return usage;
}
