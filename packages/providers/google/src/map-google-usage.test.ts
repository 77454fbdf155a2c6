import { describe, expect, it } from 'vitest';
import { mapGoogleUsage } from './map-google-usage.js';

describe('mapGoogleUsage', () => {
  it('counts thoughts as output and as reasoning; total is prompt + candidates + thoughts', () => {
    // From a recorded gemini-2.5-flash answer (text.json).
    const raw = { candidatesTokenCount: 149, promptTokenCount: 7, thoughtsTokenCount: 48, totalTokenCount: 204 };
    expect(mapGoogleUsage(raw)).toEqual({ input: 7, output: 197, reasoning: 48, total: 204, raw });
  });

  it('keeps cached tokens as part of the input and reports them as cachedInput', () => {
    const raw = { cachedContentTokenCount: 3, candidatesTokenCount: 238, promptTokenCount: 5, thoughtsTokenCount: 41, totalTokenCount: 284 };
    expect(mapGoogleUsage(raw)).toMatchObject({ input: 5, cachedInput: 3, output: 279, reasoning: 41, total: 284 });
  });

  it('adds tool-use prompt tokens to the input', () => {
    const raw = { promptTokenCount: 10, toolUsePromptTokenCount: 90, candidatesTokenCount: 5, totalTokenCount: 105 };
    expect(mapGoogleUsage(raw)).toMatchObject({ input: 100, output: 5, total: 105 });
  });

  it('computes the total when a chunk carries none, and leaves absent details out', () => {
    const usage = mapGoogleUsage({ promptTokenCount: 15 });
    expect(usage).toEqual({ input: 15, output: 0, total: 15, raw: { promptTokenCount: 15 } });
    expect('reasoning' in usage).toBe(false);
    expect('cachedInput' in usage).toBe(false);
  });
});
