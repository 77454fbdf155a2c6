import type { ReasoningSettings, Warning } from '@switchyard/core';
import type { GoogleThinkingConfig } from './google-api.js';

/**
 * Canonical reasoning settings → `generationConfig.thinkingConfig`.
 * https://ai.google.dev/gemini-api/docs/thinking
 *
 * - A token budget goes as `thinkingBudget` (0 turns thinking off where the model allows).
 * - An effort goes as `thinkingLevel` to Gemini 3 and later, which think in levels
 *   (minimal / low / medium / high; thinking cannot be switched off there, so `none` is sent
 *   as `minimal` with a warning). Gemini 2.x only takes a budget, so the effort is sent as
 *   the budget below, said in a warning: none → 0, minimal → 512, low → 1024,
 *   medium → 8192, high and xhigh → 24576 (the largest every 2.5 model accepts).
 * - Whenever thinking is on, `includeThoughts` is set, so the thought summaries reach a
 *   client that asked for reasoning.
 * Sending both a level and a budget is an error for Gemini, so a budget wins over an effort.
 */
export function prepareGoogleThinkingConfig(model: string, reasoning: ReasoningSettings | undefined, warnings: Warning[]): GoogleThinkingConfig | undefined {
  if (reasoning === undefined) return undefined;
  const { effort, budgetTokens, summary } = reasoning;
  if (effort === undefined && budgetTokens === undefined) {
    return summary !== undefined ? { includeThoughts: true } : undefined;
  }

  if (budgetTokens !== undefined) {
    if (effort !== undefined) {
      warnings.push({ type: 'unsupported-field', field: 'reasoning.effort', message: 'Gemini takes a thinking budget or a level, not both; the budget was sent.' });
    }
    return budgetTokens === 0 ? { thinkingBudget: 0 } : { thinkingBudget: budgetTokens, includeThoughts: true };
  }

  if (thinksInLevels(model)) {
    const level = levelForEffort[effort!];
    if (level !== effort) {
      warnings.push({
        type: 'unsupported-value',
        field: 'reasoning.effort',
        message: `Gemini 3 has no '${effort}' thinking level; '${level}' was sent.`,
      });
    }
    return { thinkingLevel: level, includeThoughts: true };
  }

  const budget = budgetForEffort[effort!];
  if (budget === 0) return { thinkingBudget: 0 };
  warnings.push({
    type: 'default-applied',
    field: 'reasoning.effort',
    message: `Gemini 2.x takes a thinking budget, not an effort: '${effort}' was sent as thinkingBudget ${budget}.`,
  });
  return { thinkingBudget: budget, includeThoughts: true };
}

type Effort = NonNullable<ReasoningSettings['effort']>;

const levelForEffort: Readonly<Record<Effort, string>> = {
  none: 'minimal',
  minimal: 'minimal',
  low: 'low',
  medium: 'medium',
  high: 'high',
  xhigh: 'high',
};

const budgetForEffort: Readonly<Record<Effort, number>> = {
  none: 0,
  minimal: 512,
  low: 1024,
  medium: 8192,
  high: 24576,
  xhigh: 24576,
};

/** Gemini 3 and later think in levels; the 2.x models in budgets. */
function thinksInLevels(model: string): boolean {
  const major = /gemini-(\d+)/.exec(model)?.[1];
  return major !== undefined && Number(major) >= 3;
}
