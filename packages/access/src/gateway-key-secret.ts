import { createHmac, randomBytes } from 'node:crypto';

/** Every managed key starts with this, so the gateway can tell it from a static key or a provider key. */
export const managedKeyPrefix = 'sy-gk-';

/** A new key: 32 random bytes (256 bits), base64url. Shown once; only its hash is stored. */
export function generateGatewayKey(): string {
  return managedKeyPrefix + randomBytes(32).toString('base64url');
}

/**
 * The stored form of a key. A fast keyed hash (HMAC-SHA256) is enough here: passwords need a slow
 * hash because people pick guessable ones, but these keys are 256 random bits, which no speed of
 * guessing can search — and a slow hash (scrypt) would cost every request milliseconds of CPU. The
 * pepper (a server secret, not in the database) makes a leaked table useless on its own.
 */
export function hashGatewayKey(key: string, pepper: string): string {
  return createHmac('sha256', pepper).update(key).digest('hex');
}

/** What lists show of a key: enough to recognise it, far too little to use it. */
export function displayPrefix(key: string): string {
  return key.slice(0, managedKeyPrefix.length + 6);
}
