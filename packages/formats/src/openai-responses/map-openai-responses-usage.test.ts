import { describe, expect, it } from 'vitest';
import { decodeOpenAIResponsesUsage, encodeOpenAIResponsesUsage } from './map-openai-responses-usage.js';

describe('Responses usage', () => {
  const recorded = {
    input_tokens: 4020,
    input_tokens_details: { cache_write_tokens: 0, cached_tokens: 4012 },
    output_tokens: 5,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: 4025,
  };

  it('decodes cached, cache-write and reasoning counts, keeping the raw object', () => {
    expect(decodeOpenAIResponsesUsage(recorded)).toEqual({
      input: 4020,
      output: 5,
      total: 4025,
      cachedInput: 4012,
      cacheWrite: 0,
      reasoning: 0,
      raw: recorded,
    });
  });

  it('encodes a Responses raw object back as it was', () => {
    expect(encodeOpenAIResponsesUsage(decodeOpenAIResponsesUsage(recorded))).toEqual(recorded);
  });

  it('encodes another provider’s usage with both detail objects (the SDK types require them)', () => {
    expect(encodeOpenAIResponsesUsage({ input: 1529, output: 42, total: 1571, cachedInput: 1111, cacheWrite: 418, raw: { input_tokens: 3 } })).toEqual({
      input_tokens: 1529,
      input_tokens_details: { cached_tokens: 1111, cache_write_tokens: 418 },
      output_tokens: 42,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 1571,
    });
  });
});
