import type { Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { prepareCohereThinking } from './prepare-cohere-thinking.js';

describe('prepareCohereThinking', () => {
  it('sends a budget as token_budget', () => {
    const warnings: Warning[] = [];
    expect(prepareCohereThinking({ budgetTokens: 2000 }, warnings)).toEqual({ type: 'enabled', token_budget: 2000 });
    expect(warnings).toEqual([]);
  });

  it('disables thinking for effort none or a zero budget', () => {
    expect(prepareCohereThinking({ effort: 'none' }, [])).toEqual({ type: 'disabled' });
    expect(prepareCohereThinking({ budgetTokens: 0 }, [])).toEqual({ type: 'disabled' });
  });

  it('enables thinking for an effort level, saying no level could be sent', () => {
    const warnings: Warning[] = [];
    expect(prepareCohereThinking({ effort: 'high' }, warnings)).toEqual({ type: 'enabled' });
    expect(warnings).toEqual([expect.objectContaining({ type: 'unsupported-value', field: 'reasoning.effort' })]);
  });

  it('sends nothing without reasoning settings', () => {
    expect(prepareCohereThinking(undefined, [])).toBeUndefined();
  });
});
