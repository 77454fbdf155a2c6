import { generateKeyPairSync, verify } from 'node:crypto';
import type { HttpRequest, HttpResponse, ProviderCallContext } from '@switchyard/core';
import { cannedHttpResponse } from '@switchyard/testkit';
import { describe, expect, it } from 'vitest';
import { exchangeServiceAccountToken, isTrustedTokenURL } from './exchange-service-account-token.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const account = {
  type: 'service_account',
  private_key_id: 'kid-1',
  private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  client_email: 'gw@my-project.iam.gserviceaccount.com',
  token_uri: 'https://oauth2.googleapis.com/token',
};

function context(reply: (request: HttpRequest) => HttpResponse) {
  const requests: HttpRequest[] = [];
  const value: ProviderCallContext = {
    settings: {},
    http: { request: async (request) => (requests.push(request), reply(request)) },
    signal: new AbortController().signal,
    requestHeaders: {},
    warn: () => {},
  };
  return { value, requests };
}

describe('exchangeServiceAccountToken', () => {
  it('posts a signed JWT bearer grant to the token_uri and returns the token with its lifetime', async () => {
    const { value, requests } = context(() => cannedHttpResponse(200, { access_token: 'ya29.issued', expires_in: 3599, token_type: 'Bearer' }));
    expect(await exchangeServiceAccountToken(value, account, { nowSeconds: 1_700_000_000, fromSettings: true })).toEqual({ token: 'ya29.issued', expiresInSeconds: 3599 });
    const request = requests[0]!;
    expect(request).toMatchObject({ url: 'https://oauth2.googleapis.com/token', method: 'POST', provider: 'vertex-ai' });
    expect(request.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' });
    const form = new URLSearchParams(String(request.body));
    expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const [header, claims, signature] = form.get('assertion')!.split('.');
    expect(verify('RSA-SHA256', Buffer.from(`${header}.${claims}`), publicKey, Buffer.from(signature!, 'base64url'))).toBe(true);
    expect(JSON.parse(Buffer.from(claims!, 'base64url').toString())).toMatchObject({ iss: account.client_email, iat: 1_700_000_000, exp: 1_700_003_600 });
  });

  it('reports a refused grant as a 401 authentication failure, with Google\'s reason', async () => {
    const { value } = context(() => cannedHttpResponse(400, { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }));
    const error = await exchangeServiceAccountToken(value, account, { nowSeconds: 1, fromSettings: true }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'authentication', status: 401, provider: 'vertex-ai', retryable: false, code: 'invalid_grant' });
    expect((error as Error).message).toContain('invalid_grant: Invalid JWT Signature.');
  });

  it('keeps a server fault retryable with its status', async () => {
    const { value } = context(() => cannedHttpResponse(503, { error: 'backend_error' }));
    const error = await exchangeServiceAccountToken(value, account, { nowSeconds: 1, fromSettings: true }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'overloaded', status: 503, retryable: true });
  });

  it('does not echo an answer without an access_token', async () => {
    const { value } = context(() => cannedHttpResponse(200, { token: 'ya29.hidden' }));
    const error = await exchangeServiceAccountToken(value, account, { nowSeconds: 1, fromSettings: true }).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('The token endpoint answered without an access_token.');
    expect(JSON.stringify(error)).not.toContain('ya29.hidden');
  });

  it('refuses a request-supplied key naming a foreign token endpoint, before any call', async () => {
    const { value, requests } = context(() => cannedHttpResponse(200, { access_token: 'x' }));
    const foreign = { ...account, token_uri: 'http://169.254.169.254/token' };
    const error = await exchangeServiceAccountToken(value, foreign, { nowSeconds: 1, fromSettings: false }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'invalid_request', code: 'token_uri_not_allowed' });
    expect(requests).toEqual([]);
    // The operator's own settings may name any endpoint.
    await expect(exchangeServiceAccountToken(value, foreign, { nowSeconds: 1, fromSettings: true })).resolves.toEqual({ token: 'x', expiresInSeconds: 3600 });
  });

  it('trusts Google over https and loopback only', () => {
    expect(isTrustedTokenURL('https://oauth2.googleapis.com/token')).toBe(true);
    expect(isTrustedTokenURL('http://oauth2.googleapis.com/token')).toBe(false);
    expect(isTrustedTokenURL('https://googleapis.com.evil.example/token')).toBe(false);
    expect(isTrustedTokenURL('http://127.0.0.1:9999/token')).toBe(true);
    expect(isTrustedTokenURL('http://[::1]:9999/token')).toBe(true);
    expect(isTrustedTokenURL('https://user:pass@oauth2.googleapis.com/token')).toBe(false);
  });
});
