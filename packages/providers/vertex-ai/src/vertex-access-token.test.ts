import type { ProviderCallContext } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createTokenCache } from './token-cache.js';
import { serviceAccountCacheKey, vertexAccessToken } from './vertex-access-token.js';

const account = { private_key: 'PEM-SECRET', client_email: 'sa@p.iam.gserviceaccount.com', private_key_id: 'k1', token_uri: 'https://oauth2.googleapis.com/token' };
const unusedContext = { settings: {}, http: { request: async () => { throw new Error('no network in this test'); } }, signal: new AbortController().signal, requestHeaders: {}, warn: () => {} } as ProviderCallContext;

describe('vertexAccessToken', () => {
  it('passes a given access token through, with no cache entry and no exchange', async () => {
    expect(await vertexAccessToken(unusedContext, { type: 'access-token', token: 'ya29.given' }, createTokenCache(), Date.now)).toEqual({ token: 'ya29.given' });
  });

  it('serves a cached service-account token without an exchange', async () => {
    const cache = createTokenCache({ now: () => 0 });
    const key = serviceAccountCacheKey(account);
    await cache.get(key, async () => ({ token: 'ya29.cached', expiresInSeconds: 3600 }));
    expect(await vertexAccessToken(unusedContext, { type: 'service-account', account, fromSettings: true }, cache, () => 0)).toEqual({ token: 'ya29.cached', cacheKey: key });
  });
});

describe('serviceAccountCacheKey', () => {
  it('differs per key, and holds no key material', () => {
    const key = serviceAccountCacheKey(account);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(serviceAccountCacheKey({ ...account, private_key: 'ROTATED' })).not.toBe(key);
    expect(serviceAccountCacheKey({ ...account, client_email: 'other@p.iam.gserviceaccount.com' })).not.toBe(key);
  });
});
