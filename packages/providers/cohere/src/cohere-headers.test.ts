import type { ProviderCallContext } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { cohereHeaders } from './cohere-headers.js';

function context(settings: ProviderCallContext['settings']): ProviderCallContext {
  return { settings, http: { request: async () => { throw new Error('unused'); } }, signal: new AbortController().signal, requestHeaders: {}, warn: () => {} };
}

describe('cohereHeaders', () => {
  it('sends the key as a bearer token and asks for SSE when streaming', () => {
    expect(cohereHeaders(context({ apiKey: 'co-key' }), true)).toEqual({
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: 'Bearer co-key',
    });
  });

  it('keeps instance headers, lower-cased, but never lets them replace the key', () => {
    const headers = cohereHeaders(context({ apiKey: 'co-key', headers: { 'X-Client-Name': 'switchyard', Authorization: 'Bearer other' } }), false);
    expect(headers).toMatchObject({ 'x-client-name': 'switchyard', authorization: 'Bearer co-key', accept: 'application/json' });
  });

  it('sends no authorization without a key', () => {
    expect(cohereHeaders(context({}), false)).not.toHaveProperty('authorization');
  });
});
