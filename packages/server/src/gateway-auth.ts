import { createHash, timingSafeEqual } from 'node:crypto';
import { AuthenticationError } from '@switchyard/core';
import { readBearerToken } from './header-api.js';

/**
 * The gateway's own API keys: when the operator configures any, every request must present one.
 * Clients present it where their SDK already puts a key — `Authorization: Bearer` (openai SDK),
 * `x-api-key` (Anthropic SDK) — or in `x-switchyard-api-key` / `x-portkey-api-key` (Portkey's
 * SDK). A key presented in a provider-key header is removed from the request once accepted,
 * so it can never be mistaken for, or forwarded as, a provider key.
 */
export interface GatewayAuth {
  /** Throws AuthenticationError unless the headers carry a configured key; strips it when accepted. */
  check(headers: Record<string, string>): void;
}

const keyHeaders = ['x-switchyard-api-key', 'x-portkey-api-key'] as const;

// Which key a request presented, by its header object: the key itself is stripped once accepted,
// but per-tenant features (the response cache's partition) still need to tell keys apart.
const acceptedKeyIds = new WeakMap<Record<string, string>, string>();

/**
 * A stable, non-secret id of the static gateway key a request was accepted with (a prefix of its
 * SHA-256), or undefined when the gateway has no keys.
 */
export function gatewayKeyIdOf(headers: Readonly<Record<string, string>>): string | undefined {
  return acceptedKeyIds.get(headers as Record<string, string>);
}

function keyId(key: string): string {
  return `static-${digest(key).toString('hex').slice(0, 16)}`;
}

export function createGatewayAuth(apiKeys: readonly string[]): GatewayAuth | undefined {
  const digests = apiKeys.filter((key) => key.length > 0).map(digest);
  if (digests.length === 0) return undefined;
  // Comparing fixed-size digests in constant time leaks neither the keys' contents nor their lengths.
  const accepts = (presented: string) => {
    const candidate = digest(presented);
    let match = false;
    for (const known of digests) match = timingSafeEqual(candidate, known) || match;
    return match;
  };
  return {
    check(headers) {
      for (const name of keyHeaders) {
        const value = headers[name];
        if (value !== undefined && accepts(value)) {
          acceptedKeyIds.set(headers, keyId(value));
          delete headers[name];
          return;
        }
      }
      const bearer = readBearerToken(headers);
      if (bearer !== undefined && accepts(bearer)) {
        acceptedKeyIds.set(headers, keyId(bearer));
        delete headers.authorization;
        return;
      }
      const anthropicKey = headers['x-api-key'];
      if (anthropicKey !== undefined && accepts(anthropicKey)) {
        acceptedKeyIds.set(headers, keyId(anthropicKey));
        delete headers['x-api-key'];
        return;
      }
      const presentedAny = keyHeaders.some((name) => headers[name] !== undefined) || bearer !== undefined || anthropicKey !== undefined;
      throw new AuthenticationError(
        presentedAny
          ? 'The gateway API key presented is not valid.'
          : 'This gateway requires an API key: send it as "Authorization: Bearer <key>", "x-api-key" or "x-switchyard-api-key".',
        { code: 'invalid_api_key' },
      );
    },
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
