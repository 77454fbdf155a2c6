import { afterAll, describe, expect, it } from 'vitest';
import type { CounterStore } from '../src/counter-store.js';
import { createMemoryCounterStore } from '../src/memory-counter-store.js';
import { createRedisCounterStore } from '../src/redis-counter-store.js';
import { redisUrl, uniqueName, unreachable } from './test-services.js';

const redisDown = await unreachable(redisUrl);
if (redisDown) console.warn(`Skipping the Redis counter store tests: ${redisDown}`);

const opened: CounterStore[] = [];
afterAll(async () => {
  for (const store of opened) await store.close();
});

function contract(name: string, open: () => CounterStore) {
  describe(`${name} counter store`, () => {
    it('admits up to the limit and refuses the rest, saying what remains and when it resets', async () => {
      const store = open();
      const check = { key: 'rpm', kind: 'sliding' as const, limit: 3, cost: 1, windowMs: 60_000 };
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await store.reserve([check], `lease-${i}`));
      expect(results.map((result) => result.allowed)).toEqual([true, true, true, false, false]);
      expect(results[2]).toMatchObject({ allowed: true, remaining: [0] });
      const refused = results[3]!;
      if (refused.allowed) throw new Error('expected a refusal');
      expect(refused).toMatchObject({ index: 0, remaining: 0 });
      expect(refused.resetMs).toBeGreaterThan(0);
      expect(refused.resetMs).toBeLessThanOrEqual(60_000);
    });

    it('takes nothing from any counter when one of them refuses', async () => {
      const store = open();
      const roomy = { key: 'roomy', kind: 'sliding' as const, limit: 100, cost: 10, windowMs: 60_000 };
      const tight = { key: 'tight', kind: 'sliding' as const, limit: 15, cost: 10, windowMs: 60_000 };
      expect((await store.reserve([roomy, tight], 'a')).allowed).toBe(true);
      expect(await store.reserve([roomy, tight], 'b')).toMatchObject({ allowed: false, index: 1, remaining: 5 });
      // The roomy counter still holds only the first reservation: 90 left after another 10.
      expect(await store.reserve([roomy], 'c')).toMatchObject({ allowed: true, remaining: [80] });
    });

    it('settles a token reservation to the actual usage, in the bucket it was taken from', async () => {
      const store = open();
      const tpm = { key: 'tpm', kind: 'sliding' as const, limit: 1_000, cost: 800, windowMs: 60_000 };
      const first = await store.reserve([tpm], 'a');
      if (!first.allowed) throw new Error('expected admission');
      expect((await store.reserve([{ ...tpm, cost: 300 }], 'b')).allowed).toBe(false);
      expect(await store.settle([{ bucket: first.buckets[0]!, delta: 120 - 800, ttlMs: 120_000 }], [], 'a')).toEqual([120]);
      expect(await store.reserve([{ ...tpm, cost: 300 }], 'b')).toMatchObject({ allowed: true, remaining: [580] });
    });

    it('holds concurrency leases until they are released', async () => {
      const store = open();
      const concurrency = { key: 'conc', kind: 'concurrency' as const, limit: 2, cost: 1, windowMs: 60_000 };
      expect((await store.reserve([concurrency], 'a')).allowed).toBe(true);
      const second = await store.reserve([concurrency], 'b');
      expect(second.allowed).toBe(true);
      expect((await store.reserve([concurrency], 'c')).allowed).toBe(false);
      if (!second.allowed) return;
      await store.settle([], [second.buckets[0]!], 'b');
      expect((await store.reserve([concurrency], 'c')).allowed).toBe(true);
    });

    it('lets a lease expire when its holder never releases it (an instance died)', async () => {
      const store = open();
      const concurrency = { key: 'dead', kind: 'concurrency' as const, limit: 1, cost: 1, windowMs: 300 };
      expect((await store.reserve([concurrency], 'a')).allowed).toBe(true);
      expect((await store.reserve([concurrency], 'b')).allowed).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect((await store.reserve([concurrency], 'b')).allowed).toBe(true);
    });

    it('refuses a spent budget even for a request of unknown cost, and counts soft budgets without refusing', async () => {
      const store = open();
      const budget = { key: 'budget:month-2026-11', kind: 'fixed' as const, limit: 1_000, cost: 1, windowMs: 60_000 };
      const first = await store.reserve([budget], 'a');
      if (!first.allowed) throw new Error('expected admission');
      await store.settle([{ bucket: first.buckets[0]!, delta: 999, ttlMs: 60_000 }], [], 'a');
      expect((await store.reserve([budget], 'b')).allowed).toBe(false);
      const soft = { key: 'soft', kind: 'fixed' as const, limit: Infinity, cost: 0, windowMs: 60_000 };
      const counted = await store.reserve([soft], 'c');
      if (!counted.allowed) throw new Error('soft budgets never refuse');
      expect(await store.settle([{ bucket: counted.buckets[0]!, delta: 5_000, ttlMs: 60_000 }], [], 'c')).toEqual([5_000]);
      expect((await store.reserve([soft], 'd')).allowed).toBe(true);
    });
  });
}

contract('memory', () => createMemoryCounterStore());
describe.skipIf(redisDown !== undefined)('redis', () => {
  const prefix = `${uniqueName('counters')}:`;
  let count = 0;
  contract('redis', () => {
    const store = createRedisCounterStore({ url: redisUrl, keyPrefix: `${prefix}${++count}:` });
    opened.push(store);
    return store;
  });

  it('enforces one limit for two clients (two instances) reserving at once', async () => {
    const keyPrefix = `${prefix}shared:`;
    const one = createRedisCounterStore({ url: redisUrl, keyPrefix });
    const two = createRedisCounterStore({ url: redisUrl, keyPrefix });
    opened.push(one, two);
    const check = { key: 'rpm', kind: 'sliding' as const, limit: 25, cost: 1, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? one : two).reserve([check], `lease-${i}`)));
    expect(results.filter((result) => result.allowed)).toHaveLength(25);
  });

  it('fails fast (so the fail mode applies) when Redis is unreachable', async () => {
    const store = createRedisCounterStore({ url: 'redis://127.0.0.1:1', commandTimeoutMs: 300 });
    opened.push(store);
    const started = Date.now();
    await expect(store.reserve([{ key: 'x', kind: 'sliding', limit: 1, cost: 1, windowMs: 60_000 }], 'a')).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
