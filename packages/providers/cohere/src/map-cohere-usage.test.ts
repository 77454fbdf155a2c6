import { describe, expect, it } from 'vitest';
import { mapCohereUsage } from './map-cohere-usage.js';

describe('mapCohereUsage', () => {
  it('counts processed tokens, cached ones included, and keeps billed units in raw', () => {
    const raw = { billed_units: { input_tokens: 2406, output_tokens: 2 }, tokens: { input_tokens: 2935, output_tokens: 4 }, cached_tokens: 2928 };
    expect(mapCohereUsage(raw)).toEqual({ input: 2935, output: 4, cachedInput: 2928, total: 2939, raw });
  });

  it('falls back to billed units when tokens are missing', () => {
    expect(mapCohereUsage({ billed_units: { input_tokens: 3, output_tokens: 5 } })).toMatchObject({ input: 3, output: 5, total: 8 });
  });

  it('has no cachedInput when Cohere reports none', () => {
    expect(mapCohereUsage({ tokens: { input_tokens: 1, output_tokens: 1 } })).not.toHaveProperty('cachedInput');
  });
});
