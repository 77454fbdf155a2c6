import type { LogQuery, LogRecord, LogStore } from './log-record.js';

/** The figures of a group of requests (a time bucket, a provider, a model, or all of them). */
export interface StatsFigures {
  requests: number;
  /** Requests that ended with an error status or an error kind. */
  errors: number;
  p50LatencyMs?: number;
  p95LatencyMs?: number;
  /** Time to the first byte of the answer (the first token of a stream). */
  p50FirstTokenMs?: number;
  p95FirstTokenMs?: number;
  /** The gateway's own time (total minus upstream waits). */
  p50OverheadMs?: number;
  p95OverheadMs?: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

export interface LogStats {
  since: number;
  until: number;
  bucketMs: number;
  totals: StatsFigures;
  /** Oldest first, one per `bucketMs` from `since`, empty buckets included (charts need the gaps). */
  buckets: Array<{ start: number } & StatsFigures>;
  byProvider: Array<{ provider: string } & StatsFigures>;
  byModel: Array<{ model: string } & StatsFigures>;
  byKey: Array<{ keyId: string } & StatsFigures>;
  /** More requests than `maxRecords` fell in the range: the figures cover the oldest `maxRecords`. */
  truncated?: boolean;
}

export interface AggregateLogStatsOptions {
  since: number;
  until: number;
  bucketMs: number;
  keyId?: string;
  /** Records read at most (default 200,000), so one stats call cannot hold the store for long. */
  maxRecords?: number;
}

/** The windows of `GET /admin/stats` and the bucket width each is drawn with. */
export const statsWindows = { '1h': { spanMs: 3_600_000, bucketMs: 60_000 }, '24h': { spanMs: 86_400_000, bucketMs: 1_800_000 }, '7d': { spanMs: 604_800_000, bucketMs: 10_800_000 } } as const;
export type StatsWindow = keyof typeof statsWindows;

/** A window name → the aligned range and bucket width; throws a TypeError for an unknown one. */
export function statsRange(window: string, now: number): Pick<AggregateLogStatsOptions, 'since' | 'until' | 'bucketMs'> {
  const spec = statsWindows[window as StatsWindow];
  if (!spec) throw new TypeError(`window: expected one of ${Object.keys(statsWindows).join(', ')}, got "${window}".`);
  // Bucket edges on multiples of the width, so consecutive polls draw the same buckets.
  const until = now;
  const lastStart = Math.floor(now / spec.bucketMs) * spec.bucketMs;
  const since = lastStart - spec.spanMs + spec.bucketMs;
  return { since, until, bucketMs: spec.bucketMs };
}

/**
 * Reads the request records of a time range through the store's query interface (oldest first,
 * page by page) and sums them up: totals, time buckets, and breakdowns by provider, model and key.
 * Attempt records are left out: a request counts once however many fallbacks it took.
 */
export async function aggregateLogStats(store: Pick<LogStore, 'query'>, options: AggregateLogStatsOptions): Promise<LogStats> {
  const { since, until, bucketMs } = options;
  const maxRecords = options.maxRecords ?? 200_000;
  const pageSize = 1000;
  const all = new Group();
  const buckets = Array.from({ length: Math.max(1, Math.ceil((until - since + 1) / bucketMs)) }, () => new Group());
  const byProvider = new Map<string, Group>();
  const byModel = new Map<string, Group>();
  const byKey = new Map<string, Group>();
  let read = 0;
  let cursor: string | undefined;
  let truncated = false;
  for (;;) {
    const query: LogQuery = { kind: 'request', since, until, order: 'asc', limit: pageSize, ...(cursor ? { cursor } : {}), ...(options.keyId ? { keyId: options.keyId } : {}) };
    const page = await store.query(query);
    for (const record of page.records) {
      if (read >= maxRecords) {
        truncated = true;
        break;
      }
      read += 1;
      all.add(record);
      buckets[Math.min(buckets.length - 1, Math.floor((record.time - since) / bucketMs))]?.add(record);
      groupOf(byProvider, record.provider ?? '(none)').add(record);
      groupOf(byModel, modelName(record)).add(record);
      if (record.keyId) groupOf(byKey, record.keyId).add(record);
    }
    // Oldest-first pages always carry a cursor (follow mode); a short page is the last one.
    if (truncated || page.records.length < pageSize || !page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const list = <K extends string>(groups: Map<string, Group>, key: K) =>
    [...groups]
      .map(([name, group]) => ({ [key]: name, ...group.figures() }) as { [P in K]: string } & StatsFigures)
      .sort((a, b) => b.requests - a.requests);
  return {
    since,
    until,
    bucketMs,
    totals: all.figures(),
    buckets: buckets.map((group, index) => ({ start: since + index * bucketMs, ...group.figures() })),
    byProvider: list(byProvider, 'provider'),
    byModel: list(byModel, 'model'),
    byKey: list(byKey, 'keyId'),
    ...(truncated ? { truncated } : {}),
  };
}

/** The model a request is counted under: the one that answered, else the one asked for without its `@slug/`. */
function modelName(record: LogRecord): string {
  if (record.modelAnswered) return record.modelAnswered;
  const asked = record.modelRequested;
  if (!asked) return '(none)';
  return asked.startsWith('@') && asked.includes('/') ? asked.slice(asked.indexOf('/') + 1) : asked;
}

function groupOf(groups: Map<string, Group>, name: string): Group {
  let group = groups.get(name);
  if (!group) groups.set(name, (group = new Group()));
  return group;
}

class Group {
  requests = 0;
  errors = 0;
  inputTokens = 0;
  outputTokens = 0;
  costUsd = 0;
  readonly latency: number[] = [];
  readonly firstToken: number[] = [];
  readonly overhead: number[] = [];

  add(record: LogRecord): void {
    this.requests += 1;
    if (record.status >= 400 || record.errorKind !== undefined) this.errors += 1;
    this.inputTokens += record.tokens?.input ?? 0;
    this.outputTokens += record.tokens?.output ?? 0;
    this.costUsd += record.costUsd ?? 0;
    this.latency.push(record.totalMs);
    if (record.firstByteMs !== undefined) this.firstToken.push(record.firstByteMs);
    if (record.overheadMs !== undefined) this.overhead.push(record.overheadMs);
  }

  figures(): StatsFigures {
    const figures: StatsFigures = { requests: this.requests, errors: this.errors, inputTokens: this.inputTokens, outputTokens: this.outputTokens, costUsd: roundUsd(this.costUsd) };
    const put = (name: keyof StatsFigures, values: number[], share: number) => {
      const value = percentile(values, share);
      if (value !== undefined) (figures as unknown as Record<string, number>)[name] = value;
    };
    put('p50LatencyMs', this.latency, 0.5);
    put('p95LatencyMs', this.latency, 0.95);
    put('p50FirstTokenMs', this.firstToken, 0.5);
    put('p95FirstTokenMs', this.firstToken, 0.95);
    put('p50OverheadMs', this.overhead, 0.5);
    put('p95OverheadMs', this.overhead, 0.95);
    return figures;
  }
}

/** Nearest-rank percentile: a value some request actually had, never an interpolation. */
export function percentile(values: readonly number[], share: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}

// Sums of many small floats drift; a billionth of a dollar is below any price's precision.
const roundUsd = (usd: number) => Math.round(usd * 1e9) / 1e9;
