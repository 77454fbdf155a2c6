import { defineProvider } from '@switchyard/core';
import { ProviderCatalog, createHostAllowList } from '@switchyard/router';
import { describe, expect, it } from 'vitest';
import { resolveTarget } from './resolve-target.js';

const adapter = defineProvider({ id: 'openai', name: 'OpenAI', capabilities: {} });
const catalog = new ProviderCatalog();
catalog.registerAdapter(adapter, { apiKey: 'sk-env' });
catalog.addEntry('openai-prod', 'openai', { apiKey: 'sk-prod', baseURL: 'https://api.openai.com/v1' });
const resolution = { catalog, hostAllowList: createHostAllowList(['llm.corp.example']), defaultProvider: 'openai' };

describe('resolveTarget', () => {
  it('uses the catalog entry named by @slug and ignores the bearer token there', () => {
    const target = resolveTarget('@openai-prod/gpt-4o', { authorization: 'Bearer gateway-key' }, resolution);
    expect(target.entry.slug).toBe('openai-prod');
    expect(target.model).toBe('gpt-4o');
    expect(target.settings.apiKey).toBe('sk-prod');
  });

  it('takes the bearer token as the provider key with the header API (Portkey alias too)', () => {
    const target = resolveTarget('gpt-4o', { 'x-portkey-provider': 'openai', authorization: 'Bearer sk-client' }, resolution);
    expect(target.settings.apiKey).toBe('sk-client');
    expect(resolveTarget('gpt-4o', { 'x-switchyard-provider': '@openai-prod' }, resolution).settings.apiKey).toBe('sk-prod');
  });

  it('falls back to the default provider, and refuses when there is none', () => {
    expect(resolveTarget('gpt-4o', {}, resolution).settings.apiKey).toBe('sk-env');
    expect(() => resolveTarget('gpt-4o', {}, { ...resolution, defaultProvider: undefined })).toThrow(/No provider given/);
  });

  it('applies an allowed custom host and rejects others naming the header', () => {
    const target = resolveTarget('gpt-4o', { 'x-switchyard-provider': 'openai', 'x-switchyard-custom-host': 'https://llm.corp.example/v1/' }, resolution);
    expect(target.settings.baseURL).toBe('https://llm.corp.example/v1');
    expect(() => resolveTarget('gpt-4o', { 'x-switchyard-provider': 'openai', 'x-portkey-custom-host': 'http://10.1.2.3/v1' }, resolution)).toThrow(
      expect.objectContaining({ status: 400, param: 'x-switchyard-custom-host' }),
    );
  });

  it('names unknown providers with a 404', () => {
    expect(() => resolveTarget('@nope/x', {}, resolution)).toThrow(expect.objectContaining({ status: 404, kind: 'not_found' }));
  });

  it('forwards the headers a config or x-switchyard-forward-headers names, never credentials', () => {
    const headers = { 'x-switchyard-provider': 'openai', 'x-switchyard-forward-headers': 'x-team, authorization, cookie', 'x-team': 'search', authorization: 'Bearer gateway-key', cookie: 'a=b', 'x-trace': 't1' };
    const spec = { overrideParams: {}, forwardHeaders: ['x-trace'], retry: { attempts: 0, onStatusCodes: [], useRetryAfterHeader: false }, extra: {}, path: 'config' };
    const target = resolveTarget('gpt-4o', headers, resolution, undefined, spec as never);
    expect(target.settings.headers).toEqual({ 'x-trace': 't1', 'x-team': 'search' });
  });
});
