import { describe, expect, it } from 'vitest';
import { computeCost } from './compute-cost.js';
import { convertLiteLlmPrices } from './convert-litellm-prices.js';

// A small file in LiteLLM's shape, written for this test (per-token USD, provider-prefixed keys).
const sample = {
  sample_spec: { input_cost_per_token: 0, output_cost_per_token: 0, litellm_provider: 'one of the providers', mode: 'chat' },
  'example-chat': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: 2e-6, output_cost_per_token: 8e-6, cache_read_input_token_cost: 5e-7 },
  'claude-example': {
    litellm_provider: 'anthropic',
    mode: 'chat',
    input_cost_per_token: 3e-6,
    output_cost_per_token: 1.5e-5,
    cache_read_input_token_cost: 3e-7,
    cache_creation_input_token_cost: 3.75e-6,
    cache_creation_input_token_cost_above_1hr: 6e-6,
    input_cost_per_token_above_200k_tokens: 6e-6,
    output_cost_per_token_above_200k_tokens: 2.25e-5,
    cache_read_input_token_cost_above_200k_tokens: 6e-7,
  },
  'gemini/gemini-example': { litellm_provider: 'gemini', mode: 'chat', input_cost_per_token: 1e-7, output_cost_per_token: 4e-7, input_cost_per_audio_token: 7e-7, output_cost_per_reasoning_token: 3e-7 },
  'example-embed': { litellm_provider: 'openai', mode: 'embedding', input_cost_per_token: 2e-8 },
  'dall-e-example': { litellm_provider: 'openai', mode: 'image_generation', output_cost_per_image: 0.04 },
  'free-form': { litellm_provider: 'openai', mode: 'chat' },
};

describe('convertLiteLlmPrices', () => {
  const { prices, skipped } = convertLiteLlmPrices(sample, { source: 'file://sample.json', effectiveDate: '2026-03-01' });
  const find = (model: string) => prices.find((price) => price.model === model);

  it('turns per-token USD into per-million and maps provider names to adapter ids', () => {
    expect(find('example-chat')).toEqual({ provider: 'openai', model: 'example-chat', input: 2, output: 8, cachedInput: 0.5, effectiveDate: '2026-03-01', source: 'file://sample.json' });
    expect(find('gemini-example')).toMatchObject({ provider: 'google', input: 0.1, output: 0.4, audio: { input: 0.7 }, reasoning: 0.3 });
    expect(find('example-embed')).toMatchObject({ input: 0.02, output: 0 });
  });

  it('keeps cache writes by TTL and long-context tiers', () => {
    expect(find('claude-example')).toMatchObject({
      provider: 'anthropic',
      cacheWrite: { default: 3.75, '5m': 3.75, '1h': 6 },
      tiers: [{ aboveInputTokens: 200_000, input: 6, output: 22.5, cachedInput: 0.6 }],
    });
    const cost = computeCost({ input: 300_000, output: 1_000_000 }, find('claude-example')!);
    expect(cost.total).toBeCloseTo(0.3 * 6 + 22.5, 9);
  });

  it('skips what it cannot price, saying why, and ignores the spec entry', () => {
    expect(skipped).toEqual([
      { key: 'dall-e-example', reason: 'mode image_generation' },
      { key: 'free-form', reason: 'no per-token price' },
    ]);
    expect(prices.some((price) => price.model === 'sample_spec')).toBe(false);
  });

  it('filters by provider and refuses a file that is not an object', () => {
    expect(convertLiteLlmPrices(sample, { source: 's', providers: ['google'] }).prices.map((price) => price.model)).toEqual(['gemini-example']);
    expect(() => convertLiteLlmPrices([], { source: 's' })).toThrow(/JSON object keyed by model/);
  });
});
