import { InvalidRequestError, type ProviderCallContext, UpstreamError, readUpstreamError } from '@switchyard/core';
import { createServiceAccountJwt } from './create-service-account-jwt.js';
import type { IssuedToken } from './token-cache.js';
import { type VertexServiceAccount, googleTokenURL, vertexTokenErrorSchema, vertexTokenResponseSchema } from './vertex-api.js';

export interface ExchangeOptions {
  /** Unix seconds, for the assertion's `iat`. */
  nowSeconds: number;
  /** The key came from the operator's settings; a key from a request header may only name Google's (or a loopback) token endpoint. */
  fromSettings: boolean;
}

/**
 * Trades a service account's signed JWT for an access token at its `token_uri`
 * (`grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`), through the gateway's HTTP client.
 * A refusal (invalid_grant: bad key, disabled account, clock skew …) is an authentication
 * failure reported as 401; throttling and Google faults keep their status and may be retried.
 */
export async function exchangeServiceAccountToken(context: ProviderCallContext, account: VertexServiceAccount, options: ExchangeOptions): Promise<IssuedToken> {
  const tokenURL = account.token_uri || googleTokenURL;
  if (!options.fromSettings && !isTrustedTokenURL(tokenURL)) {
    // A key sent in a request header must not make the gateway post to a host of the sender's choosing.
    throw new InvalidRequestError('The service account sent in the request names a token_uri other than Google\'s; only https://oauth2.googleapis.com/token (or loopback) is accepted there.', {
      param: 'x-switchyard-vertex-service-account-json',
      code: 'token_uri_not_allowed',
      provider: 'vertex-ai',
    });
  }
  const assertion = createServiceAccountJwt(account, { nowSeconds: options.nowSeconds });
  const response = await context.http.request({
    provider: 'vertex-ai',
    url: tokenURL,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString(),
    signal: context.signal,
    timeouts: context.timeouts,
  });

  if (response.status >= 300) {
    const read = await readUpstreamError(response, 'vertex-ai', describeTokenError);
    const refused = response.status < 500 && response.status !== 429;
    throw new UpstreamError(`Google refused the token for service account ${account.client_email} (token endpoint answered ${response.status}: ${read.message}).`, {
      provider: 'vertex-ai',
      status: refused ? 401 : response.status,
      headers: read.headers,
      body: read.body,
      code: read.code,
      kind: refused ? 'authentication' : undefined,
      retryable: refused ? false : read.retryable,
    });
  }

  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  const parsed = vertexTokenResponseSchema.safeParse(body);
  if (!parsed.success) {
    // The body may hold a token in an unexpected shape: it is not echoed.
    throw new UpstreamError('The token endpoint answered without an access_token.', { provider: 'vertex-ai', status: 502, kind: 'upstream' });
  }
  // Google always says how long the token lives (3599 s); an hour is its documented lifetime.
  return { token: parsed.data.access_token, expiresInSeconds: parsed.data.expires_in ?? 3600 };
}

function describeTokenError(body: unknown) {
  const parsed = vertexTokenErrorSchema.safeParse(body);
  if (!parsed.success) return undefined;
  return { message: parsed.data.error_description ? `${parsed.data.error}: ${parsed.data.error_description}` : parsed.data.error, code: parsed.data.error };
}

/** Google's token endpoints (https on *.googleapis.com) and loopback (local emulators, tests). */
export function isTrustedTokenURL(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (parsed.protocol === 'https:' && (host === 'googleapis.com' || host.endsWith('.googleapis.com'))) return true;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
