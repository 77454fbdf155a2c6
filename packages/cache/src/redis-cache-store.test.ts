import { randomUUID } from 'node:crypto';
import type { ChatResponse } from '@switchyard/core';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { reachable } from '../test/reachable.js';
import { createRedisCacheStore } from './redis-cache-store.js';

const url = process.env.SWITCHYARD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const available = await reachable(new URL(url).hostname, Number(new URL(url).port || 6379));
if (!available) console.warn(`Skipping Redis cache store tests: no Redis at ${url} (set SWITCHYARD_TEST_REDIS_URL).`);
const prefix = `switchyard-test:${randomUUID()}:`;
const answer = { response: { id: 'r1', model: 'm', content: [{ type: 'text', text: 'hello' }], finishReason: { unified: 'stop', raw: 'stop' } } as ChatResponse, storedAt: 5 };

describe.skipIf(!available)('redis cache store', () => {
  const stores: Array<ReturnType<typeof createRedisCacheStore>> = [];
  const open = () => {
    const store = createRedisCacheStore({ url, keyPrefix: prefix });
    stores.push(store);
    return store;
  };
  afterAll(async () => {
    const redis = new Redis(url);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
    await Promise.all(stores.map((store) => store.close()));
  });

  it('shares entries between two clients (two gateway instances) under its prefix, with a TTL', async () => {
    const first = open();
    const second = open();
    expect(await second.get('k1')).toBeUndefined();
    await first.set('k1', answer, 120);
    expect(await second.get('k1')).toEqual(answer);
    const redis = new Redis(url);
    const ttl = await redis.ttl(`${prefix}k1`);
    await redis.quit();
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
  });

  it('lets Redis expire entries after max age', async () => {
    const store = open();
    await store.set('k2', answer, 1);
    expect(await store.get('k2')).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await store.get('k2')).toBeUndefined();
  });
});
