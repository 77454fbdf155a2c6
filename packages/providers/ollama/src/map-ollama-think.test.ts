import type { Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { mapOllamaThink } from './map-ollama-think.js';

describe('mapOllamaThink', () => {
  it('maps efforts as Ollama’s own OpenAI endpoint does', () => {
    const warnings: Warning[] = [];
    expect(mapOllamaThink(undefined, warnings)).toBeUndefined();
    expect(mapOllamaThink({ effort: 'none' }, warnings)).toBe(false);
    expect(mapOllamaThink({ effort: 'low' }, warnings)).toBe('low');
    expect(mapOllamaThink({ effort: 'high' }, warnings)).toBe('high');
    expect(warnings).toEqual([]);
    expect(mapOllamaThink({ effort: 'minimal' }, warnings)).toBe('low');
    expect(mapOllamaThink({ effort: 'xhigh' }, warnings)).toBe('max');
    expect(warnings.map((warning) => warning.type)).toEqual(['unsupported-value', 'unsupported-value']);
  });

  it('turns thinking on for a budget alone, and says the budget was not sent', () => {
    const warnings: Warning[] = [];
    expect(mapOllamaThink({ budgetTokens: 2048 }, warnings)).toBe(true);
    expect(warnings).toEqual([expect.objectContaining({ field: 'reasoning.budgetTokens' })]);
  });
});
