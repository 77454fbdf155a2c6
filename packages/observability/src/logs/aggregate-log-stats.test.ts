import { describe, expect, it } from 'vitest';
import { aggregateLogStats, percentile, statsRange } from './aggregate-log-stats.js';
import type { LogRecord } from './log-record.js';
import { createMemoryLogStore } from './memory-log-store.js';

let sequence = 0;
function request(time: number, fields: Partial<LogRecord> = {}): LogRecord {
  sequence += 1;
  return { id: `r${String(sequence).padStart(6, '0')}`, kind: 'request', traceId: `t${sequence}`, time, method: 'POST', path: '/v1/chat/completions', status: 200, totalMs: 100, ...fields };
}

describe('aggregateLogStats', () => {
  const hour = 3_600_000;
  const now = Date.UTC(2026, 10, 25, 12, 30, 0);

  it('sums requests, errors, tokens and cost per bucket, provider, model and key; attempts are not requests', async () => {
    const store = createMemoryLogStore();
    const range = statsRange('1h', now);
    await store.insert([
      request(now - 10 * 60_000, { provider: 'openai', modelRequested: 'gpt-4o-mini', totalMs: 200, firstByteMs: 50, overheadMs: 2, tokens: { input: 10, output: 5 }, costUsd: 0.001, keyId: 'key_a' }),
      request(now - 10 * 60_000 + 1, { provider: 'openai', modelRequested: 'gpt-4o-mini', totalMs: 400, firstByteMs: 70, overheadMs: 4, tokens: { input: 20, output: 7 }, costUsd: 0.002, keyId: 'key_a' }),
      request(now - 5 * 60_000, { provider: 'claude', modelRequested: 'claude-haiku-4-5', status: 500, errorKind: 'upstream', totalMs: 50 }),
      request(now - 60_000, { provider: 'openai', modelRequested: '@openai/gpt-4o-mini', status: 429, totalMs: 10 }),
      { ...request(now - 60_000), kind: 'attempt', provider: 'broken', status: 500 },
      // Outside the window.
      request(now - 2 * hour, { provider: 'openai', tokens: { input: 1000, output: 1000 } }),
    ]);
    const stats = await aggregateLogStats(store, range);
    expect(stats.totals).toMatchObject({ requests: 4, errors: 2, inputTokens: 30, outputTokens: 12, costUsd: 0.003, p50LatencyMs: 50, p95LatencyMs: 400, p50FirstTokenMs: 50, p50OverheadMs: 2 });
    expect(stats.buckets).toHaveLength(60);
    expect(stats.buckets.reduce((sum, bucket) => sum + bucket.requests, 0)).toBe(4);
    const bucketOf = (time: number) => stats.buckets.find((bucket) => bucket.start <= time && time < bucket.start + stats.bucketMs)!;
    expect(bucketOf(now - 10 * 60_000)).toMatchObject({ requests: 2, errors: 0, inputTokens: 30 });
    expect(bucketOf(now - 60_000)).toMatchObject({ requests: 1, errors: 1 });
    expect(stats.byProvider).toEqual([
      expect.objectContaining({ provider: 'openai', requests: 3, errors: 1 }),
      expect.objectContaining({ provider: 'claude', requests: 1, errors: 1 }),
    ]);
    expect(stats.byModel.map((group) => [group.model, group.requests])).toEqual([['gpt-4o-mini', 3], ['claude-haiku-4-5', 1]]);
    expect(stats.byKey).toEqual([expect.objectContaining({ keyId: 'key_a', requests: 2, costUsd: 0.003 })]);
  });

  it('reads past one page and stops at maxRecords, saying so', async () => {
    const store = createMemoryLogStore({ maxRecords: 5000 });
    await store.insert(Array.from({ length: 2500 }, (_, index) => request(now - 30 * 60_000 + index, { provider: 'openai' })));
    const range = statsRange('1h', now);
    expect((await aggregateLogStats(store, range)).totals.requests).toBe(2500);
    const capped = await aggregateLogStats(store, { ...range, maxRecords: 1200 });
    expect(capped.totals.requests).toBe(1200);
    expect(capped.truncated).toBe(true);
  });

  it('filters by key', async () => {
    const store = createMemoryLogStore();
    await store.insert([request(now - 1000, { keyId: 'key_a', costUsd: 1 }), request(now - 900, { keyId: 'key_b', costUsd: 2 })]);
    const stats = await aggregateLogStats(store, { ...statsRange('24h', now), keyId: 'key_b' });
    expect(stats.totals).toMatchObject({ requests: 1, costUsd: 2 });
  });

  it('names the windows it knows when given another', () => {
    expect(() => statsRange('2h', now)).toThrow(/window: expected one of 1h, 24h, 7d/);
    const week = statsRange('7d', now);
    expect((week.until - week.since) / week.bucketMs).toBeLessThanOrEqual(56);
    expect(week.since % week.bucketMs).toBe(0);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([], 0.5)).toBeUndefined();
    expect(percentile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(percentile(Array.from({ length: 100 }, (_, index) => index + 1), 0.95)).toBe(95);
  });
});
