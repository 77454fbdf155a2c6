import { createRequire } from 'node:module';
import type { CachedAnswer } from './cache-types.js';
import type { ExactCacheStore } from './exact-cache-store.js';

export interface RedisCacheStoreOptions {
  /** `redis://host:6379/0`, `rediss://…` for TLS. */
  url: string;
  /** Prepended to every key, so several gateways (or tests) can share one Redis. Default `switchyard:cache:`. */
  keyPrefix?: string;
}

/**
 * Entries in Redis, shared by every gateway instance pointed at it. Redis expires them itself
 * (`SET … EX`), so no sweeping is needed; its own eviction policy bounds memory.
 */
export function createRedisCacheStore(options: RedisCacheStoreOptions): ExactCacheStore {
  const prefix = options.keyPrefix ?? 'switchyard:cache:';
  // Fail fast rather than queue: a cache that cannot answer is a miss, never a stalled request.
  // Loaded on first use: a gateway without Redis never pays for the client.
  const { Redis } = createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
  const redis = new Redis(options.url, { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 2_000, lazyConnect: false });
  redis.on('error', () => {
    // Reported per call (the interceptor treats a failed lookup as a miss); the client reconnects.
  });
  return {
    async get(key) {
      const text = await redis.get(prefix + key);
      return text === null ? undefined : (JSON.parse(text) as CachedAnswer);
    },
    async set(key, answer, maxAgeSeconds) {
      await redis.set(prefix + key, JSON.stringify(answer), 'EX', Math.max(1, Math.ceil(maxAgeSeconds)));
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
