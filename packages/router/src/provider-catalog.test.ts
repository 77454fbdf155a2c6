import { defineProvider } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { ProviderCatalog } from './provider-catalog.js';

describe('ProviderCatalog', () => {
  const mistral = defineProvider({ id: 'mistral', name: 'Mistral', aliases: ['mistral-ai'], capabilities: {} });

  it('resolves an adapter by its id and by its Portkey alias, and a named entry by its slug', () => {
    const catalog = new ProviderCatalog();
    catalog.registerAdapter(mistral, { apiKey: 'env-key' });
    catalog.addEntry('mistral-eu', 'mistral', { apiKey: 'eu-key' });
    expect(catalog.resolve('mistral').settings.apiKey).toBe('env-key');
    expect(catalog.resolve('mistral-ai').slug).toBe('mistral');
    expect(catalog.resolve('mistral-eu').settings.apiKey).toBe('eu-key');
  });

  it('names what exists when a slug is unknown, and refuses duplicate adapter ids', () => {
    const catalog = new ProviderCatalog();
    catalog.registerAdapter(mistral);
    expect(() => catalog.resolve('mistal')).toThrow(/Unknown provider "mistal". Known providers: mistral/);
    expect(() => catalog.registerAdapter(mistral)).toThrow(/share the id "mistral"/);
  });
});
