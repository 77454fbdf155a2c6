import { describe, expect, it } from 'vitest';
import { createPriceCatalog } from './price-catalog.js';
import { computeCost } from './compute-cost.js';
import { shippedCatalogDate, shippedPrices } from './shipped-prices.js';

describe('price catalog', () => {
  it('ships a dated, sourced price for every entry', () => {
    expect(shippedPrices.length).toBeGreaterThan(20);
    for (const price of shippedPrices) {
      expect(price.effectiveDate, `${price.provider}/${price.model}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(price.source, `${price.provider}/${price.model}`).toMatch(/^https:\/\//);
      expect(price.input).toBeGreaterThanOrEqual(0);
    }
  });

  it('ships each model once, with tiers that only ever raise its prices', () => {
    const keys = shippedPrices.map((price) => `${price.provider}/${price.model}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    for (const price of shippedPrices) {
      expect(price.effectiveDate <= shippedCatalogDate, `${price.provider}/${price.model}`).toBe(true);
      for (const tier of price.tiers ?? []) {
        expect(tier.aboveInputTokens).toBeGreaterThan(0);
        expect(tier.input ?? price.input).toBeGreaterThanOrEqual(price.input);
        expect(tier.output ?? price.output).toBeGreaterThanOrEqual(price.output);
      }
    }
  });

  it('prices the models released since the first list, and Mistral aliases as the models they now name', () => {
    const catalog = createPriceCatalog();
    // A dated id falls back to its family; the 272k-token tier raises a long prompt's whole request.
    const gpt54 = catalog.find('openai', 'gpt-5.4-2026-03-05')!;
    expect(gpt54.model).toBe('gpt-5.4');
    expect(computeCost({ input: 100_000, output: 1_000 }, gpt54).total).toBeCloseTo((100_000 * 2.5 + 1_000 * 15) / 1e6, 12);
    expect(computeCost({ input: 300_000, output: 1_000 }, gpt54).total).toBeCloseTo((300_000 * 5 + 1_000 * 22.5) / 1e6, 12);
    expect(catalog.find('openai', 'gpt-5.4-mini-2026-03-17')?.model).toBe('gpt-5.4-mini');
    expect(catalog.find('anthropic', 'claude-opus-4-6-20260205')).toMatchObject({ input: 5, output: 25, cachedInput: 0.5, cacheWrite: { '1h': 10 } });
    expect(catalog.find('google', 'gemini-3.1-pro-preview')?.tiers?.[0]).toMatchObject({ aboveInputTokens: 200_000, input: 4 });
    expect(catalog.find('groq', 'openai/gpt-oss-120b')).toMatchObject({ input: 0.15, output: 0.6 });
    expect(catalog.find('mistral', 'mistral-large-latest')).toMatchObject({ input: 0.5, output: 1.5 });
    expect(catalog.find('mistral', 'mistral-large-2411')).toMatchObject({ input: 2, output: 6 });
  });

  it('finds dated snapshots and vendor-prefixed ids under their family', () => {
    const catalog = createPriceCatalog();
    expect(catalog.find('openai', 'gpt-4o-2024-08-06')?.model).toBe('gpt-4o');
    expect(catalog.find('anthropic', 'claude-sonnet-4-5-20250929')?.model).toBe('claude-sonnet-4-5');
    expect(catalog.find('openai', 'no-such-model')).toBeUndefined();
    expect(catalog.find('anthropic', 'gpt-4o')).toBeUndefined();
  });

  it('applies config overrides on top of the shipped base of the entry adapter', () => {
    const catalog = createPriceCatalog({
      overrides: { 'my-openai': { 'gpt-4o': { input: 1 } }, custom: { 'house-model': { input: 0.5, output: 1, effectiveDate: '2026-01-01' } } },
      baseProviderOf: (slug) => (slug === 'my-openai' ? 'openai' : undefined),
      today: '2026-02-02',
    });
    const overridden = catalog.find('my-openai', 'gpt-4o')!;
    expect(overridden).toMatchObject({ input: 1, output: 10, cachedInput: 1.25, source: 'config', effectiveDate: '2026-02-02' });
    expect(catalog.find('custom', 'house-model')).toMatchObject({ input: 0.5, output: 1, effectiveDate: '2026-01-01' });
    expect(catalog.find('openai', 'gpt-4o')?.input).toBe(2.5);
  });

  it('refuses an override that cannot be completed', () => {
    expect(() => createPriceCatalog({ overrides: { custom: { unknown: { input: 1 } } } })).toThrow(/custom\/unknown needs `input` and `output`/);
  });
});
