import type { Usage } from '@switchyard/core';
import type { CohereUsage } from './cohere-api.js';

/**
 * Cohere's usage → canonical usage. `tokens` counts what the model processed (its input
 * includes `cached_tokens`, the prompt tokens served from Cohere's cache); `billed_units`,
 * what is charged, stays in `raw` and is used only when `tokens` is missing. Cohere does not
 * report reasoning tokens apart from the output.
 */
export function mapCohereUsage(usage: CohereUsage): Usage {
  const input = usage.tokens?.input_tokens ?? usage.billed_units?.input_tokens ?? 0;
  const output = usage.tokens?.output_tokens ?? usage.billed_units?.output_tokens ?? 0;
  const mapped: Usage = { input, output, total: input + output, raw: usage };
  if (typeof usage.cached_tokens === 'number') mapped.cachedInput = usage.cached_tokens;
  return mapped;
}
