import { createRequire } from 'node:module';
import type { Redis as RedisClient } from 'ioredis';
import type { CounterStore, ReserveResult } from './counter-store.js';
import { reserveScript, settleScript } from './redis-counter-scripts.js';

export interface RedisCounterStoreOptions {
  url: string;
  /** Prepended to every key, so several gateways (or test runs) can share one Redis. */
  keyPrefix?: string;
  /** How long a command may take before the store counts Redis as down. */
  commandTimeoutMs?: number;
}

type ScriptRedis = RedisClient & {
  switchyardReserve(numKeys: number, ...args: (string | number)[]): Promise<(string | number)[]>;
  switchyardSettle(numKeys: number, ...args: (string | number)[]): Promise<number[]>;
};

const kindCode = { sliding: 's', fixed: 'f', concurrency: 'c' } as const;

/** The hot counters in Redis: one atomic script per check, shared by every gateway instance. */
export function createRedisCounterStore(options: RedisCounterStoreOptions): CounterStore {
  const prefix = options.keyPrefix ?? 'switchyard:access:';
  // No offline queue and one retry: when Redis is away a check must fail fast, so the
  // fail-open / fail-closed choice applies instead of requests hanging.
  // Loaded on first use: a gateway without Redis never pays for the client.
  const { Redis } = createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
  const redis = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs ?? 1_000,
    // Keep reconnecting in the background at a steady pace, so limits come back with Redis.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    lazyConnect: false,
  }) as ScriptRedis;
  redis.on('error', () => {}); // Surfaced per command; without a listener ioredis logs every reconnect.
  redis.defineCommand('switchyardReserve', { lua: reserveScript });
  redis.defineCommand('switchyardSettle', { lua: settleScript });
  const timeoutMs = options.commandTimeoutMs ?? 1_000;
  // Without the offline queue a command sent while (re)connecting fails at once: wait for the
  // connection, but no longer than a command may take.
  const ready = () =>
    redis.status === 'ready'
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => {
            redis.off('ready', onReady);
            reject(new Error(`Redis at ${options.url} is not reachable (status ${redis.status})`));
          }, timeoutMs);
          const onReady = () => {
            clearTimeout(timer);
            resolve();
          };
          redis.once('ready', onReady);
        });
  return {
    async reserve(checks, leaseId) {
      const args: (string | number)[] = [leaseId];
      for (const check of checks) args.push(kindCode[check.kind], Number.isFinite(check.limit) ? check.limit : -1, Math.round(check.cost), Math.max(1, Math.round(check.windowMs)));
      await ready();
      const reply = await redis.switchyardReserve(checks.length, ...checks.map((check) => prefix + check.key), ...args);
      if (Number(reply[0]) === 0) {
        return { allowed: false, index: Number(reply[1]) - 1, remaining: Number(reply[2]), resetMs: Number(reply[3]) } satisfies ReserveResult;
      }
      const n = checks.length;
      return {
        allowed: true,
        buckets: reply.slice(1, 1 + n).map((bucket) => String(bucket).slice(prefix.length)),
        remaining: reply.slice(1 + n, 1 + 2 * n).map((value) => (Number(value) < 0 ? Infinity : Number(value))),
        resetMs: reply.slice(1 + 2 * n, 1 + 3 * n).map(Number),
      };
    },
    async settle(settlements, concurrencyKeys, leaseId) {
      if (settlements.length === 0 && concurrencyKeys.length === 0) return [];
      const keys = [...settlements.map((settlement) => prefix + settlement.bucket), ...concurrencyKeys.map((key) => prefix + key)];
      await ready();
      const reply = await redis.switchyardSettle(keys.length, ...keys, leaseId, settlements.length, ...settlements.flatMap((settlement) => [Math.round(settlement.delta), Math.max(1, Math.round(settlement.ttlMs))]));
      return reply.map(Number);
    },
    async close() {
      redis.disconnect();
    },
  };
}
