import { describe, expect, it } from 'vitest';
import { cacheWriteByTtlFromRaw, computeCost } from './compute-cost.js';
import type { ModelPrice } from './model-price.js';

const base = { effectiveDate: '2025-01-01', source: 'https://example.test/pricing' };

describe('computeCost', () => {
  it('charges input and output per million tokens and names the price used', () => {
    const price: ModelPrice = { provider: 'openai', model: 'gpt-x', input: 2.5, output: 10, ...base };
    const cost = computeCost({ input: 1000, output: 500 }, price);
    expect(cost.input).toBeCloseTo(0.0025, 12);
    expect(cost.output).toBeCloseTo(0.005, 12);
    expect(cost.total).toBeCloseTo(0.0075, 12);
    expect(cost.priceVersion).toBe('openai/gpt-x@2025-01-01');
  });

  it('bills cached input at its own price and only the rest as plain input', () => {
    const price: ModelPrice = { provider: 'openai', model: 'gpt-x', input: 2, output: 8, cachedInput: 0.5, ...base };
    const cost = computeCost({ input: 10_000, output: 0, cachedInput: 8_000 }, price);
    expect(cost.input).toBeCloseTo((2_000 * 2) / 1e6, 12);
    expect(cost.cachedInput).toBeCloseTo((8_000 * 0.5) / 1e6, 12);
  });

  it('prices cache writes by TTL when the provider splits them, else at the default write price', () => {
    const price: ModelPrice = { provider: 'anthropic', model: 'claude-x', input: 3, output: 15, cacheWrite: { default: 3.75, '5m': 3.75, '1h': 6 }, ...base };
    const split = computeCost({ input: 3_000, output: 0, cacheWrite: 3_000, cacheWriteByTtl: { '5m': 1_000, '1h': 2_000 } }, price);
    expect(split.cacheWrite).toBeCloseTo((1_000 * 3.75 + 2_000 * 6) / 1e6, 12);
    expect(split.input).toBe(0);
    const unsplit = computeCost({ input: 3_000, output: 0, cacheWrite: 3_000 }, price);
    expect(unsplit.cacheWrite).toBeCloseTo((3_000 * 3.75) / 1e6, 12);
  });

  it('reads the TTL split from Anthropic raw usage', () => {
    expect(cacheWriteByTtlFromRaw({ cache_creation: { ephemeral_5m_input_tokens: 10, ephemeral_1h_input_tokens: 20 } })).toEqual({ '5m': 10, '1h': 20 });
    expect(cacheWriteByTtlFromRaw({ prompt_tokens: 3 })).toBeUndefined();
  });

  it('switches to the tier prices when the prompt passes the threshold', () => {
    const price: ModelPrice = { provider: 'google', model: 'gemini-x', input: 1.25, output: 10, tiers: [{ aboveInputTokens: 200_000, input: 2.5, output: 15 }], ...base };
    const small = computeCost({ input: 200_000, output: 1_000 }, price);
    expect(small.input).toBeCloseTo(0.25, 9);
    expect(small.output).toBeCloseTo(0.01, 9);
    const large = computeCost({ input: 200_001, output: 1_000 }, price);
    expect(large.input).toBeCloseTo((200_001 * 2.5) / 1e6, 9);
    expect(large.output).toBeCloseTo(0.015, 9);
  });

  it('bills reasoning tokens at their own price only when one is listed', () => {
    const withReasoning: ModelPrice = { provider: 'x', model: 'thinker', input: 1, output: 4, reasoning: 2, ...base };
    const cost = computeCost({ input: 0, output: 1_000, reasoning: 600 }, withReasoning);
    expect(cost.output).toBeCloseTo((400 * 4) / 1e6, 12);
    expect(cost.reasoning).toBeCloseTo((600 * 2) / 1e6, 12);
    const withoutReasoning = computeCost({ input: 0, output: 1_000, reasoning: 600 }, { ...withReasoning, reasoning: undefined });
    expect(withoutReasoning.output).toBeCloseTo((1_000 * 4) / 1e6, 12);
    expect(withoutReasoning.reasoning).toBe(0);
  });

  it('adds audio tokens and images at their unit prices', () => {
    const price: ModelPrice = { provider: 'x', model: 'multi', input: 1, output: 2, audio: { input: 10 }, image: { inputPerImage: 0.01 }, ...base };
    const cost = computeCost({ input: 1_000, output: 0, audioInput: 400, imagesIn: 3 }, price);
    expect(cost.input).toBeCloseTo((600 * 1) / 1e6, 12);
    expect(cost.audio).toBeCloseTo((400 * 10) / 1e6, 12);
    expect(cost.images).toBeCloseTo(0.03, 12);
    expect(cost.total).toBeCloseTo(cost.input + cost.audio + cost.images, 12);
  });
});
