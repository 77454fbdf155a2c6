import { describe, expect, it } from 'vitest';
import { createPriceCatalog } from './price-catalog.js';
import { shippedPrices } from './shipped-prices.js';

describe('price catalog', () => {
  it('ships a dated, sourced price for every entry', () => {
    expect(shippedPrices.length).toBeGreaterThan(20);
    for (const price of shippedPrices) {
      expect(price.effectiveDate, `${price.provider}/${price.model}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(price.source, `${price.provider}/${price.model}`).toMatch(/^https:\/\//);
      expect(price.input).toBeGreaterThanOrEqual(0);
    }
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
