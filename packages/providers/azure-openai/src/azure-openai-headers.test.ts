import type { ProviderCallContext, ProviderSettings } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { azureOpenAIHeaders } from './azure-openai-headers.js';

function context(settings: ProviderSettings, requestHeaders: Record<string, string> = {}): ProviderCallContext {
  return { settings, requestHeaders, http: { request: async () => { throw new Error('no network'); } }, signal: new AbortController().signal, warn: () => {} };
}

describe('azureOpenAIHeaders', () => {
  it('sends the key in api-key, never as a bearer token, and never the client’s own Authorization', () => {
    const headers = azureOpenAIHeaders(context({ apiKey: 'azure-key' }, { authorization: 'Bearer gateway-key', 'openai-beta': 'x' }), false);
    expect(headers).toEqual({ 'content-type': 'application/json', accept: 'application/json', 'openai-beta': 'x', 'api-key': 'azure-key' });
  });

  it('sends an Entra token as a bearer token: the request’s own first, else the instance key in entra mode', () => {
    expect(azureOpenAIHeaders(context({ apiKey: 'azure-key' }, { 'x-portkey-azure-ad-token': 'eyJ.request' }), true)).toEqual({
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: 'Bearer eyJ.request',
    });
    expect(azureOpenAIHeaders(context({ apiKey: 'eyJ.configured', options: { authMode: 'entra' } }), false).authorization).toBe('Bearer eyJ.configured');
  });

  it('adds the instance headers, lower-cased', () => {
    expect(azureOpenAIHeaders(context({ headers: { 'X-Custom': '1' } }), false)).toMatchObject({ 'x-custom': '1' });
  });
});
