import { type Budget, type GatewayKeyView, budgetWindow, parseDuration } from '@switchyard/access';
import { type LogStore, aggregateLogStats } from '@switchyard/observability';

/** One managed key with what it has used, read from the request log. */
export interface KeyUsage {
  key: GatewayKeyView;
  /** Requests and tokens over the last minute, against the per-minute limits. */
  lastMinute: { requests: number; inputTokens: number; outputTokens: number };
  budgets: Array<{ name: string; usd: number; soft: boolean; spentUsd: number; since: number }>;
}

/**
 * Each managed key's use against its limits and budgets, summed from the request log. The access
 * counters are what enforce them; this view reads the log instead so it works the same for the
 * memory and the Redis counters, and may trail them by the log's write interval.
 */
export async function readKeyUsage(keys: readonly GatewayKeyView[], store: Pick<LogStore, 'query'>, now = Date.now()): Promise<KeyUsage[]> {
  return Promise.all(
    keys.map(async (key) => {
      const minute = await aggregateLogStats(store, { since: now - 60_000, until: now, bucketMs: 60_000, keyId: key.id });
      const budgets = await Promise.all(
        (key.budgets ?? []).map(async (budget) => {
          const since = budgetStart(budget, now);
          const spent = await aggregateLogStats(store, { since, until: now, bucketMs: Math.max(1, now - since), keyId: key.id });
          return { name: budget.name, usd: budget.usd, soft: budget.soft ?? false, spentUsd: spent.totals.costUsd, since };
        }),
      );
      const { requests, inputTokens, outputTokens } = minute.totals;
      return { key, lastMinute: { requests, inputTokens, outputTokens }, budgets };
    }),
  );
}

/** When the budget's current window began: `window` back from now, or the calendar period's start. */
export function budgetStart(budget: Budget, now: number): number {
  if (budget.window) return now - parseDuration(budget.window, `budget "${budget.name}" window`);
  const window = budgetWindow(budget, new Date(now));
  // The label names the period's first local day (`month-2026-11-01-UTC`); its length in days, times
  // a day, back from the period's end gives its start (an hour off across a DST change at most).
  const [, year, month] = /^\w+-(\d{4})-(\d{2})-\d{2}-/.exec(window.label) ?? [];
  const period = budget.period ?? 'month';
  const days = period === 'day' ? 1 : period === 'week' ? 7 : new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return now + window.windowMs - days * 86_400_000;
}
