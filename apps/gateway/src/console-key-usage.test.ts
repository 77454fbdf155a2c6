import { createMemoryLogStore } from '@switchyard/observability';
import { describe, expect, it } from 'vitest';
import { budgetStart, readKeyUsage } from './console-key-usage.js';

describe('readKeyUsage', () => {
  const now = Date.UTC(2026, 10, 25, 12, 0, 0);
  const record = (keyId: string, time: number, costUsd: number, id: string) => ({ id, kind: 'request' as const, traceId: id, time, method: 'POST', path: '/v1/chat/completions', status: 200, totalMs: 5, keyId, costUsd, tokens: { input: 10, output: 4 } });

  it('sums the last minute and each budget window of a key from the log', async () => {
    const store = createMemoryLogStore();
    await store.insert([
      record('key_a', now - 10_000, 0.5, 'a1'),
      record('key_a', now - 2 * 3_600_000, 1, 'a2'),
      record('key_a', Date.UTC(2026, 9, 30), 100, 'a3'), // last month
      record('key_b', now - 5_000, 7, 'b1'),
    ]);
    const key = { id: 'key_a', prefix: 'sy-ab', createdAt: '', updatedAt: '', budgets: [{ name: 'hourly', usd: 5, window: '1h' }, { name: 'monthly', usd: 50, period: 'month' as const }] };
    const [usage] = await readKeyUsage([key], store, now);
    expect(usage!.lastMinute).toEqual({ requests: 1, inputTokens: 10, outputTokens: 4 });
    expect(usage!.budgets).toEqual([
      { name: 'hourly', usd: 5, soft: false, spentUsd: 0.5, since: now - 3_600_000 },
      { name: 'monthly', usd: 50, soft: false, spentUsd: 1.5, since: Date.UTC(2026, 10, 1) },
    ]);
  });

  it('finds calendar period starts in the budget time zone', () => {
    expect(budgetStart({ name: 'd', usd: 1, period: 'day' }, now)).toBe(Date.UTC(2026, 10, 25));
    expect(budgetStart({ name: 'w', usd: 1, period: 'week' }, now)).toBe(Date.UTC(2026, 10, 23)); // a Monday
    expect(budgetStart({ name: 'd', usd: 1, period: 'day', timezone: 'America/New_York' }, now)).toBe(Date.UTC(2026, 10, 25, 5));
  });
});
