import { createHash } from 'node:crypto';
import type { ProviderCallContext } from '@switchyard/core';
import { exchangeServiceAccountToken } from './exchange-service-account-token.js';
import type { VertexCredentials } from './resolve-vertex-settings.js';
import type { TokenCache } from './token-cache.js';
import type { VertexServiceAccount } from './vertex-api.js';

export interface VertexAccessToken {
  token: string;
  /** The cache entry the token came from, so a refused token can be forgotten. */
  cacheKey?: string;
}

/**
 * The bearer token of one call: the access token given as the API key, or the service
 * account's, from the cache while it is fresh, else exchanged anew.
 */
export async function vertexAccessToken(
  context: ProviderCallContext,
  credentials: VertexCredentials,
  cache: TokenCache,
  now: () => number,
): Promise<VertexAccessToken> {
  if (credentials.type === 'access-token') return { token: credentials.token };
  const cacheKey = serviceAccountCacheKey(credentials.account);
  const token = await cache.get(cacheKey, () =>
    exchangeServiceAccountToken(context, credentials.account, { nowSeconds: Math.floor(now() / 1000), fromSettings: credentials.fromSettings }),
  );
  return { token, cacheKey };
}

/**
 * One cache entry per key: the account, the key id, the token endpoint and the key itself (a
 * rotated key is another credential), hashed so no key material sits in the cache's keys.
 */
export function serviceAccountCacheKey(account: VertexServiceAccount): string {
  return createHash('sha256')
    .update([account.client_email, account.private_key_id ?? '', account.token_uri ?? '', account.private_key].join('\u0000'))
    .digest('hex');
}
