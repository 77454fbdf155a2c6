import type { GatewayKeyRecord } from './access-types.js';
import type { KeyStore } from './key-store.js';

/**
 * Key lookups remembered for `ttlMs` (misses too, so a flood of bad keys does not reach the
 * database). The TTL is what bounds how long a revoked key keeps working on another instance:
 * kept under a second, it needs no pub/sub and no extra round trip per request.
 */
export function createKeyCache(store: KeyStore, ttlMs = 500, now: () => number = Date.now) {
  const entries = new Map<string, { record: GatewayKeyRecord | undefined; at: number }>();
  return {
    async findByHash(hash: string): Promise<GatewayKeyRecord | undefined> {
      const cached = entries.get(hash);
      if (cached && now() - cached.at < ttlMs) return cached.record;
      const record = await store.findByHash(hash);
      if (entries.size > 10_000) entries.clear(); // bounded: a scan of random keys cannot grow it forever
      entries.set(hash, { record, at: now() });
      return record;
    },
    /** Drops this instance's copy at once (the admin API calls it; other instances wait out the TTL). */
    forget(hash: string) {
      entries.delete(hash);
    },
  };
}
