import { type KeyObject, createPrivateKey, sign } from 'node:crypto';
import { AuthenticationError } from '@switchyard/core';
import { type VertexServiceAccount, cloudPlatformScope, googleTokenURL } from './vertex-api.js';

export interface ServiceAccountJwtOptions {
  /** Unix seconds: the `iat` claim. */
  nowSeconds: number;
  /** How long the assertion is valid; Google accepts at most an hour. */
  lifetimeSeconds?: number;
  scope?: string;
}

/**
 * The signed JWT a service account trades for an access token (RFC 7523 JWT bearer grant,
 * https://developers.google.com/identity/protocols/oauth2/service-account#authorizingrequests):
 * header `{alg: RS256, typ: JWT, kid: private_key_id}`, claims `iss` = client_email, `scope`,
 * `aud` = the token endpoint, `iat`, `exp` = iat + 1 h; signed RSA-SHA256 with the key's
 * private_key. Signed with node:crypto, so no Google library is needed.
 */
export function createServiceAccountJwt(account: VertexServiceAccount, options: ServiceAccountJwtOptions): string {
  const header: Record<string, string> = { alg: 'RS256', typ: 'JWT' };
  if (account.private_key_id) header.kid = account.private_key_id;
  const claims = {
    iss: account.client_email,
    scope: options.scope ?? cloudPlatformScope,
    aud: account.token_uri || googleTokenURL,
    iat: options.nowSeconds,
    exp: options.nowSeconds + (options.lifetimeSeconds ?? 3600),
  };
  const signingInput = `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}`;
  const signature = sign('RSA-SHA256', Buffer.from(signingInput), readPrivateKey(account));
  return `${signingInput}.${base64Url(signature)}`;
}

function readPrivateKey(account: VertexServiceAccount): KeyObject {
  try {
    // Key files hold PEM text; a key pasted through an env var often has literal "\n" in it.
    return createPrivateKey(account.private_key.includes('\\n') ? account.private_key.replace(/\\n/g, '\n') : account.private_key);
  } catch {
    // The key itself, or the parser's view of it, never goes in the message.
    throw new AuthenticationError(`The private_key of service account ${account.client_email} is not a PEM private key.`, { provider: 'vertex-ai' });
  }
}

function base64Url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}
