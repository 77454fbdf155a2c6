import type { Usage } from '@switchyard/core';
import type { OpenAICompatibleQuirks } from './openai-compatible-preset.js';

/**
 * Canonical `output` counts the reasoning tokens. xAI leaves them out of `completion_tokens`
 * (its `total_tokens` = prompt + completion + reasoning), so they are added back; `raw` keeps
 * the server's own numbers.
 * https://docs.x.ai/docs/guides/reasoning
 */
export function adjustCompatibleUsage(usage: Usage, quirks: OpenAICompatibleQuirks): Usage {
  if (!quirks.reasoningTokensOutsideCompletion || !usage.reasoning) return usage;
  return { ...usage, output: usage.output + usage.reasoning };
}
