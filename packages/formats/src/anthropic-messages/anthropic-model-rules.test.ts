import { describe, expect, it } from 'vitest';
import { acceptsOnlyTemperatureOrTopP, defaultMaxTokensForModel } from './anthropic-model-rules.js';

describe('defaultMaxTokensForModel', () => {
  it.each([
    ['claude-opus-4-6', 128_000],
    ['claude-sonnet-4-6', 64_000],
    ['claude-sonnet-4-5-20250929', 64_000],
    ['claude-haiku-4-5', 64_000],
    ['claude-opus-4-5-20251101', 64_000],
    ['claude-opus-4-1-20250805', 32_000],
    ['claude-opus-4-20250514', 32_000],
    ['claude-sonnet-4-20250514', 64_000],
    ['claude-sonnet-4-0', 64_000],
    ['claude-3-7-sonnet-latest', 64_000],
    ['claude-3-5-haiku-20241022', 8_192],
    ['claude-3-haiku-20240307', 4_096],
    ['claude-3-opus-20240229', 4_096],
    ['anthropic.claude-sonnet-4-5-20250929-v1:0', 64_000],
    ['some-future-model', 4_096],
  ])('%s -> %d', (model, maxTokens) => {
    expect(defaultMaxTokensForModel(model)).toBe(maxTokens);
  });
});

describe('acceptsOnlyTemperatureOrTopP', () => {
  it('is true for the families that refuse both', () => {
    for (const model of ['claude-sonnet-4-5', 'claude-sonnet-4-6', 'claude-haiku-4-5-20251001', 'claude-opus-4-1-20250805', 'claude-opus-4-6']) {
      expect(acceptsOnlyTemperatureOrTopP(model), model).toBe(true);
    }
  });

  it('is false for older models', () => {
    for (const model of ['claude-sonnet-4-20250514', 'claude-opus-4-20250514', 'claude-3-7-sonnet-20250219', 'claude-3-5-haiku-20241022']) {
      expect(acceptsOnlyTemperatureOrTopP(model), model).toBe(false);
    }
  });
});
