import type { ProviderCallContext } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { googleHeaders } from './google-headers.js';

const context = (settings: ProviderCallContext['settings']) =>
  ({ settings, requestHeaders: {}, warn: () => {} }) as unknown as ProviderCallContext;

describe('googleHeaders', () => {
  it('sends the key as x-goog-api-key, after any configured headers', () => {
    expect(googleHeaders(context({ apiKey: 'k1', headers: { 'x-extra': '1', 'x-goog-api-key': 'overridden' } }), true)).toEqual({
      'content-type': 'application/json',
      accept: 'text/event-stream',
      'x-extra': '1',
      'x-goog-api-key': 'k1',
    });
  });

  it('sends no key header without a key', () => {
    expect(googleHeaders(context({}), false)).toEqual({ 'content-type': 'application/json', accept: 'application/json' });
  });
});
