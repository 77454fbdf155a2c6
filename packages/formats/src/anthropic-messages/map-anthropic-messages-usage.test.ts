import { describe, expect, it } from 'vitest';
import { decodeAnthropicUsage, encodeAnthropicUsage } from './map-anthropic-messages-usage.js';

describe('decodeAnthropicUsage', () => {
  it('adds cache reads and writes back into input, keeping the raw object', () => {
    // The usage-cache-read-write recording.
    const raw = {
      cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 418 },
      cache_creation_input_tokens: 418,
      cache_read_input_tokens: 1111,
      input_tokens: 3,
      output_tokens: 33,
      service_tier: 'standard',
    };
    expect(decodeAnthropicUsage(raw)).toEqual({ input: 1532, output: 33, cachedInput: 1111, cacheWrite: 418, total: 1565, raw });
  });

  it('leaves cache counts unknown when the usage has none (older answers)', () => {
    const usage = decodeAnthropicUsage({ input_tokens: 472, output_tokens: 89 });
    expect(usage).toEqual({ input: 472, output: 89, total: 561, raw: { input_tokens: 472, output_tokens: 89 } });
    expect(usage.reasoning).toBeUndefined();
  });
});

describe('encodeAnthropicUsage', () => {
  it('splits canonical input back into uncached input, cache reads and cache writes', () => {
    expect(encodeAnthropicUsage({ input: 1532, output: 33, cachedInput: 1111, cacheWrite: 418, total: 1565 })).toEqual({
      input_tokens: 3,
      cache_creation_input_tokens: 418,
      cache_read_input_tokens: 1111,
      output_tokens: 33,
    });
  });

  it("keeps an Anthropic raw object's extra fields", () => {
    const raw = { input_tokens: 3, output_tokens: 33, cache_creation_input_tokens: 418, cache_read_input_tokens: 1111, service_tier: 'standard' };
    expect(encodeAnthropicUsage(decodeAnthropicUsage(raw))).toEqual(raw);
  });

  it('says null, not 0, for cache counts another provider did not report', () => {
    expect(encodeAnthropicUsage({ input: 10, output: 2, total: 12, raw: { prompt_tokens: 10, completion_tokens: 2 } })).toEqual({
      input_tokens: 10,
      cache_creation_input_tokens: null,
      cache_read_input_tokens: null,
      output_tokens: 2,
    });
  });
});
