import type { ReasoningSettings, Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { prepareGoogleThinkingConfig } from './prepare-google-thinking-config.js';

function prepare(model: string, reasoning: ReasoningSettings | undefined) {
  const warnings: Warning[] = [];
  return { config: prepareGoogleThinkingConfig(model, reasoning, warnings), warnings };
}

describe('prepareGoogleThinkingConfig', () => {
  it('sends nothing when no reasoning was asked for', () => {
    expect(prepare('gemini-2.5-flash', undefined)).toEqual({ config: undefined, warnings: [] });
  });

  it('sends a budget as thinkingBudget with thoughts included, and 0 as off', () => {
    expect(prepare('gemini-2.5-flash', { budgetTokens: 4096 }).config).toEqual({ thinkingBudget: 4096, includeThoughts: true });
    expect(prepare('gemini-2.5-flash', { budgetTokens: 0 }).config).toEqual({ thinkingBudget: 0 });
  });

  it('prefers the budget when both a budget and an effort are given', () => {
    const { config, warnings } = prepare('gemini-3-pro-preview', { budgetTokens: 1000, effort: 'high' });
    expect(config).toEqual({ thinkingBudget: 1000, includeThoughts: true });
    expect(warnings).toHaveLength(1);
  });

  it('sends an effort as thinkingLevel to Gemini 3, warning where no level matches', () => {
    expect(prepare('gemini-3-pro-preview', { effort: 'low' })).toEqual({ config: { thinkingLevel: 'low', includeThoughts: true }, warnings: [] });
    const none = prepare('gemini-3-flash-preview', { effort: 'none' });
    expect(none.config).toEqual({ thinkingLevel: 'minimal', includeThoughts: true });
    expect(none.warnings[0]).toMatchObject({ type: 'unsupported-value', field: 'reasoning.effort' });
  });

  it('sends an effort to Gemini 2.x as a budget, saying which', () => {
    const { config, warnings } = prepare('gemini-2.5-flash', { effort: 'medium' });
    expect(config).toEqual({ thinkingBudget: 8192, includeThoughts: true });
    expect(warnings).toEqual([expect.objectContaining({ type: 'default-applied', message: expect.stringContaining('8192') })]);
    expect(prepare('gemini-2.5-flash', { effort: 'none' })).toEqual({ config: { thinkingBudget: 0 }, warnings: [] });
  });

  it('asks for thought summaries when only a summary is requested', () => {
    expect(prepare('gemini-2.5-pro', { summary: 'auto' }).config).toEqual({ includeThoughts: true });
  });
});
