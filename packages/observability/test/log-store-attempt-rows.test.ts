import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { toLogRecords } from '../src/create-observability.js';
import type { LogQuery, LogRecord, LogStore } from '../src/logs/log-record.js';
import { createMemoryLogStore } from '../src/logs/memory-log-store.js';
import { logMigrations } from '../src/logs/log-migrations.js';
import { createPostgresLogStore } from '../src/logs/postgres-log-store.js';
import { createSqliteLogStore } from '../src/logs/sqlite-log-store.js';
import type { ObservedAttempt, ObservedRequest } from '../src/observed-request.js';
import type { CostBreakdown } from '../src/prices/compute-cost.js';
import { dropSchemas, freshSchema, postgresUrl, probePostgres } from './postgres-test-support.js';

// The SQL stores keep a request's sole attempt in the request's row. These tests write the
// records the gateway writes (toLogRecords) for every kind of request, and check that the SQL
// stores answer every query exactly as the memory store (which keeps each record as it came) does.

const unreachable = await probePostgres();
if (unreachable) console.warn(`Skipping the PostgreSQL half of the attempt-row tests: ${unreachable}`);
const folder = mkdtempSync(join(tmpdir(), 'switchyard-attempt-rows-'));
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  if (!unreachable) await dropSchemas();
});

const started = 1_760_000_000_000;
const cost = (total: number, priceVersion: string) => ({ total, priceVersion }) as CostBreakdown;

/** One request of each kind the router produces, several sharing a millisecond. */
function traffic(): Array<{ request: ObservedRequest; cost?: CostBreakdown }> {
  const base = (index: number, fields: Partial<ObservedRequest>): ObservedRequest => ({
    traceId: `trace-${index}`,
    startedAt: started + Math.floor(index / 3) + 0.4,
    method: 'POST',
    path: index % 2 === 0 ? '/v1/chat/completions' : '/v1/messages',
    format: index % 2 === 0 ? 'openai-chat' : 'anthropic-messages',
    status: 200,
    stream: index % 4 === 1,
    totalMs: 20 + index,
    firstByteMs: 5,
    upstreamMs: 18,
    overheadMs: 0.25,
    keyId: index % 5 === 0 ? 'key_a' : 'key_b',
    ...fields,
  });
  const ok = (provider: string, model: string, durationMs: number, retry = 0): ObservedAttempt => ({ provider, model, status: 200, durationMs, retry });
  const failed = (provider: string, status: number, kind: string, durationMs: number, retry = 0): ObservedAttempt => ({ provider, model: 'gpt-4o', status, kind, message: `${kind} from ${provider}`, durationMs, retry });
  const list: Array<{ request: ObservedRequest; cost?: CostBreakdown }> = [];
  for (let index = 0; index < 30; index += 1) {
    switch (index % 6) {
      case 0: // one attempt that answered (most traffic)
        list.push({ request: base(index, { provider: 'openai', modelRequested: 'gpt-4o', modelAnswered: 'gpt-4o-2024-08-06', usage: { input: 10 + index, output: 5, total: 15 + index }, attempts: [ok('openai', 'gpt-4o', 19.5)] }), cost: cost(index / 1e6, 'openai/gpt-4o@2024-08-06') });
        break;
      case 1: // one attempt that answered, routed to a model other than the one asked for
        list.push({ request: base(index, { provider: 'claude', modelRequested: '@claude/sonnet', modelAnswered: 'claude-sonnet-4-5', usage: { input: 7, output: 3, cachedInput: 2, reasoning: 1, total: 10 }, attempts: [ok('claude', 'claude-sonnet-4-5', 12.125)] }) });
        break;
      case 2: // one attempt that failed: answered as the upstream did, or as a 502 naming no provider
        list.push({
          request:
            index % 12 === 2
              ? base(index, { provider: 'openai', modelRequested: 'gpt-4o', status: 429, errorKind: 'rate_limit', errorMessage: 'slow down', attempts: [failed('openai', 429, 'rate_limit', 3)] })
              : base(index, { modelRequested: 'gpt-4o', status: 502, errorKind: 'upstream_error', errorMessage: 'all targets failed', attempts: [failed('openai', 503, 'upstream_error', 3)] }),
        });
        break;
      case 3: // a fallback: a failed attempt, then one that answered
        list.push({ request: base(index, { provider: 'claude', modelRequested: 'gpt-4o', modelAnswered: 'claude-sonnet-4-5', usage: { input: 9, output: 9, total: 18 }, attempts: [failed('openai', 500, 'upstream_error', 4), ok('claude', 'claude-sonnet-4-5', 9)] }), cost: cost(2e-5, 'anthropic/claude-sonnet-4-5@2025-09-29') });
        break;
      case 4: // a cache hit: no attempt at all
        list.push({ request: base(index, { provider: 'openai', modelRequested: 'gpt-4o', modelAnswered: 'gpt-4o-2024-08-06', cacheStatus: 'HIT', usage: { input: 10, output: 5, total: 15 } }) });
        break;
      default: // a retry of the same target
        list.push({ request: base(index, { provider: 'openai', modelRequested: 'gpt-4o', modelAnswered: 'gpt-4o-2024-08-06', warnings: [{ field: 'seed' }], metadata: { team: 'search' }, attempts: [failed('openai', 503, 'upstream_error', 2), ok('openai', 'gpt-4o', 8, 1)] }) });
    }
  }
  return list;
}

const written: LogRecord[] = traffic().flatMap(({ request, cost: spent }) => toLogRecords(request, spent));
const withoutUndefined = (record: LogRecord) => JSON.parse(JSON.stringify(record)) as LogRecord;

interface OpenedSqlStore {
  store: LogStore;
  /** Rows in the log table. */
  rows(): Promise<number>;
  /** Runs SQL on the store's database, table `request_logs` in the store's schema (`{table}` in `sql`). */
  raw(sql: string): Promise<void>;
}

const sqlStores: Array<[string, () => Promise<OpenedSqlStore>]> = [
  [
    'sqlite',
    async () => {
      const path = join(folder, `logs-${Math.random()}.db`);
      const withDatabase = <T>(use: (db: Database.Database) => T): T => {
        const db = new Database(path);
        try {
          return use(db);
        } finally {
          db.close();
        }
      };
      return {
        store: createSqliteLogStore({ path }),
        rows: async () => withDatabase((db) => (db.prepare('SELECT COUNT(*) AS n FROM request_logs').get() as { n: number }).n),
        raw: async (sql) => withDatabase((db) => void db.exec(sql.replaceAll('{table}', 'request_logs'))),
      };
    },
  ],
];
if (!unreachable) {
  sqlStores.push([
    'postgres',
    async () => {
      const schema = freshSchema();
      const withClient = async <T>(use: (client: pg.Client) => Promise<T>): Promise<T> => {
        const client = new pg.Client({ connectionString: postgresUrl });
        await client.connect();
        try {
          return await use(client);
        } finally {
          await client.end();
        }
      };
      return {
        store: createPostgresLogStore({ url: postgresUrl, schema }),
        rows: async () => withClient(async (client) => Number((await client.query(`SELECT COUNT(*) AS n FROM ${schema}.request_logs`)).rows[0].n)),
        raw: async (sql) => withClient(async (client) => void (await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}; ${sql.replaceAll('INDEX IF NOT EXISTS {table}_', 'INDEX IF NOT EXISTS request_logs_').replaceAll('{table}', `${schema}.request_logs`)}`))),
      };
    },
  ]);
}

/** Every record a query answers, following the cursor page by page. */
async function readAll(store: LogStore, query: LogQuery): Promise<LogRecord[]> {
  const records: LogRecord[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 200; pages += 1) {
    const page = await store.query({ ...query, ...(cursor ? { cursor } : {}) });
    records.push(...page.records);
    if (!page.nextCursor || page.records.length === 0) return records;
    cursor = page.nextCursor;
  }
  throw new Error(`paging ${JSON.stringify(query)} did not end`);
}

const queries: LogQuery[] = [
  {},
  { kind: 'request' },
  { kind: 'attempt' },
  { provider: 'claude' },
  { provider: 'openai', kind: 'attempt' },
  { model: 'gpt-4o' },
  { model: 'claude-sonnet-4-5' },
  { model: '@claude/sonnet' },
  { status: 200, kind: 'attempt' },
  { status: 429 },
  { status: 500 },
  { status: 503 },
  { status: 502 },
  { provider: 'openai', status: 503 },
  { errorKind: 'rate_limit' },
  { errorKind: 'upstream_error', kind: 'attempt' },
  { errorsOnly: true },
  { traceId: 'trace-6' },
  { keyId: 'key_a' },
  { since: started + 2, until: started + 5 },
];

describe.each(sqlStores)('%s log store: a request and its sole attempt in one row', (_name, open) => {
  it('writes one row for a request with one attempt and gives back both records as written', async () => {
    const { store, rows } = await open();
    await store.migrate();
    await store.insert(written);
    // 30 requests: 15 with one attempt (one row each), 10 with two (three rows each), 5 cache hits (one row each).
    expect(written).toHaveLength(30 + 15 + 20);
    expect(await rows()).toBe(15 + 10 * 3 + 5);
    const all = await readAll(store, { order: 'asc', limit: 1000 });
    const expected = written.map(withoutUndefined).sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
    expect(all).toEqual(expected);
    // Each sole attempt right after its request, named after it.
    const sole = all.filter((record) => record.kind === 'attempt' && all.find((head) => head.traceId === record.traceId && head.kind === 'request')!.attempts === 1);
    expect(sole).toHaveLength(15);
    for (const attempt of sole) expect(all[all.indexOf(attempt) - 1]!.id + '.0').toBe(attempt.id);
    await store.close();
  });

  it('answers every filter, page by page in both orders, as the memory store does', async () => {
    const { store } = await open();
    await store.migrate();
    // Written in batches that cut some requests from their attempts: those stay rows of their own.
    for (let start = 0; start < written.length; start += 7) await store.insert(written.slice(start, start + 7));
    const reference = createMemoryLogStore();
    await reference.insert(written);
    for (const query of queries) {
      for (const order of ['asc', 'desc'] as const) {
        const expected = await readAll(reference, { ...query, order, limit: 1000 });
        expect(expected.length, `${JSON.stringify(query)} matches something`).toBeGreaterThan(0);
        for (const limit of [1, 2, 3, 50]) {
          const answered = await readAll(store, { ...query, order, limit });
          expect(answered.map((record) => record.id), `${JSON.stringify(query)} ${order} by ${limit}`).toEqual(expected.map((record) => record.id));
          expect(answered).toEqual(expected.map(withoutUndefined));
        }
      }
    }
    await store.close();
  });

  it('reads a log written before attempts shared rows, and adds to it', async () => {
    const { store, raw } = await open();
    // The table as schema version 4 left it, holding a request and its attempt in two rows.
    const versionFour = logMigrations('{table}').slice(0, 4);
    await raw(`CREATE TABLE {table}_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL); ${versionFour.join('; ')}; INSERT INTO {table}_migrations VALUES (1, 0), (2, 0), (3, 0), (4, 0)`);
    const old = toLogRecords({ traceId: 'old', startedAt: started - 1000, method: 'POST', path: '/v1/chat/completions', status: 200, stream: false, totalMs: 9, provider: 'openai', modelRequested: 'gpt-4o', attempts: [{ provider: 'openai', status: 200, durationMs: 8, retry: 0 }] }, undefined).map(withoutUndefined);
    // Version 4 named attempts with ids of their own.
    old[1]!.id = `${old[0]!.id.slice(0, -1)}z`;
    const columns = ['id', 'kind', 'trace_id', 'time', 'method', 'path', 'provider', 'model_requested', 'status', 'attempt_index', 'retries', 'attempts', 'stream', 'total_ms'];
    const values = old.map((record) => `('${record.id}', '${record.kind}', '${record.traceId}', ${record.time}, 'POST', '/v1/chat/completions', 'openai', 'gpt-4o', 200, ${record.attemptIndex ?? 'NULL'}, ${record.retries ?? 'NULL'}, ${record.attempts ?? 'NULL'}, 0, ${record.totalMs})`);
    await raw(`INSERT INTO {table} (${columns.join(', ')}) VALUES ${values.join(', ')}`);

    await store.migrate();
    await store.insert(written);
    const all = await readAll(store, { order: 'asc', limit: 1000 });
    expect(all.slice(0, 2)).toEqual(old);
    expect(all.slice(2)).toEqual(written.map(withoutUndefined).sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1)));
    expect((await readAll(store, { kind: 'attempt', provider: 'openai', status: 200, order: 'asc' })).map((record) => record.traceId).slice(0, 1)).toEqual(['old']);
    await store.close();
  });
});
