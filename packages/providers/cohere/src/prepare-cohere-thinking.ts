import type { ReasoningSettings, Warning } from '@switchyard/core';
import type { CohereThinking } from './cohere-api.js';

/**
 * Reasoning settings → `thinking` (https://docs.cohere.com/docs/reasoning). Cohere's reasoning
 * models think by default; `{type: 'disabled'}` turns it off and `token_budget` caps it. There
 * are no effort levels: effort 'none' (or a zero budget) disables thinking, a budget is sent
 * as the cap, and any other effort enables thinking with the model's own budget, with a warning
 * rather than an invented number.
 */
export function prepareCohereThinking(reasoning: ReasoningSettings | undefined, warnings: Warning[]): CohereThinking | undefined {
  if (!reasoning) return undefined;
  if (reasoning.summary !== undefined) {
    warnings.push({ type: 'unsupported-field', field: 'reasoning.summary', message: 'Cohere returns its thinking as is; there are no reasoning summaries.' });
  }
  if (reasoning.effort === 'none' || reasoning.budgetTokens === 0) return { type: 'disabled' };
  if (reasoning.budgetTokens !== undefined) return { type: 'enabled', token_budget: reasoning.budgetTokens };
  if (reasoning.effort !== undefined) {
    warnings.push({
      type: 'unsupported-value',
      field: 'reasoning.effort',
      message: `Cohere has no reasoning effort levels; thinking was enabled with the model's default budget instead of effort "${reasoning.effort}" (set a token budget to cap it).`,
    });
    return { type: 'enabled' };
  }
  return undefined;
}
