import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryLogStore } from '../src/logs/memory-log-store.js';
import type { LogRecord, LogStore } from '../src/logs/log-record.js';
import { attemptIdOf } from '../src/logs/sole-attempt.js';
import { createPostgresLogStore } from '../src/logs/postgres-log-store.js';
import { createSqliteLogStore } from '../src/logs/sqlite-log-store.js';
import { dropSchemas, freshSchema, postgresUrl, probePostgres } from './postgres-test-support.js';

const unreachable = await probePostgres();
if (unreachable) console.warn(`Skipping the PostgreSQL log store tests: ${unreachable}`);
const folder = mkdtempSync(join(tmpdir(), 'switchyard-logs-'));
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  if (!unreachable) await dropSchemas();
});

function record(index: number, fields: Partial<LogRecord> = {}): LogRecord {
  return {
    id: `id-${String(index).padStart(3, '0')}`,
    kind: 'request',
    traceId: `trace-${index}`,
    time: 1_700_000_000_000 + index * 1000,
    method: 'POST',
    path: '/v1/chat/completions',
    format: 'openai-chat',
    provider: index % 2 === 0 ? 'openai' : 'anthropic',
    modelRequested: 'gpt-4o',
    status: 200,
    totalMs: 12.5,
    ...fields,
  };
}

/** Every record of a store, oldest first, a page of 1 000 (the most a page holds) at a time. */
async function readAll(store: LogStore): Promise<LogRecord[]> {
  const records: LogRecord[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await store.query({ limit: 1000, order: 'asc', cursor });
    records.push(...page.records);
    if (!page.nextCursor) return records;
    cursor = page.nextCursor;
  }
}

const stores: Array<[string, () => Promise<LogStore>]> = [
  ['memory', async () => createMemoryLogStore()],
  ['sqlite', async () => createSqliteLogStore({ path: join(folder, `logs-${Math.random()}.db`) })],
];
if (!unreachable) stores.push(['postgres', async () => createPostgresLogStore({ url: postgresUrl, schema: freshSchema() })]);

describe.each(stores)('%s log store', (_name, open) => {
  it('round-trips every field of a record', async () => {
    const store = await open();
    await store.migrate();
    const full = record(1, {
      kind: 'attempt',
      modelAnswered: 'gpt-4o-2024-08-06',
      errorKind: 'rate_limit',
      errorMessage: 'slow down',
      attemptIndex: 1,
      retries: 2,
      attempts: 3,
      cacheStatus: 'MISS',
      stream: true,
      firstByteMs: 3.25,
      upstreamMs: 10,
      overheadMs: 0.75,
      tokens: { input: 10, output: 5, cachedInput: 2, cacheWrite: 1, reasoning: 3 },
      costUsd: 0.000123,
      priceVersion: 'openai/gpt-4o@2024-08-06',
      warnings: [{ type: 'unsupported', field: 'seed' }],
      metadata: { user: 'u1' },
      keyId: 'key_1',
      incomplete: false,
      requestBody: '{"a":1}',
      responseBody: '{"b":2}',
    });
    await store.insert([full]);
    const page = await store.query({});
    expect(page.records).toEqual([full]);
    await store.close();
  });

  it('keeps every record of a large batch, field for field, and ignores an id it already holds', async () => {
    const store = await open();
    await store.migrate();
    // 37 records: the SQLite store writes them sixteen to a statement, then the rest one by one.
    const batch = Array.from({ length: 37 }, (_, index) =>
      record(index, { kind: index % 2 === 0 ? 'request' : 'attempt', tokens: { input: index, output: 2 * index }, costUsd: index / 1e6, warnings: index === 20 ? [{ field: 'seed' }] : undefined }),
    );
    await store.insert(batch);
    await store.insert([record(5, { status: 500 })]);
    const page = await store.query({ limit: 100, order: 'asc' });
    expect(page.records).toEqual(batch.map((entry) => Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined))));
    await store.close();
  });

  it('keeps a batch larger than one SQL statement can bind (3 000 rows: PostgreSQL allows 65 535 parameters)', async () => {
    const store = await open();
    await store.migrate();
    const batch = Array.from({ length: 3000 }, (_, index) => record(index, { id: `big-${String(index).padStart(4, '0')}`, tokens: { input: index, output: 1 } }));
    await store.insert(batch);
    expect((await readAll(store)).map((entry) => entry.id)).toEqual(batch.map((entry) => entry.id));
    await store.close();
  });

  it('filters, pages newest first with a cursor, and reads forward in follow order', async () => {
    const store = await open();
    await store.migrate();
    await store.migrate(); // idempotent
    await store.insert(Array.from({ length: 7 }, (_, index) => record(index, index === 3 ? { status: 429, errorKind: 'rate_limit' } : {})));
    const first = await store.query({ limit: 3 });
    expect(first.records.map((entry) => entry.id)).toEqual(['id-006', 'id-005', 'id-004']);
    const second = await store.query({ limit: 3, cursor: first.nextCursor });
    expect(second.records.map((entry) => entry.id)).toEqual(['id-003', 'id-002', 'id-001']);
    const third = await store.query({ limit: 3, cursor: second.nextCursor });
    expect(third.records.map((entry) => entry.id)).toEqual(['id-000']);
    expect(third.nextCursor).toBeUndefined();

    expect((await store.query({ provider: 'anthropic' })).records.map((entry) => entry.id)).toEqual(['id-005', 'id-003', 'id-001']);
    expect((await store.query({ errorsOnly: true })).records.map((entry) => entry.id)).toEqual(['id-003']);
    expect((await store.query({ status: 429 })).records).toHaveLength(1);
    expect((await store.query({ traceId: 'trace-2' })).records.map((entry) => entry.id)).toEqual(['id-002']);
    expect((await store.query({ since: record(5).time })).records).toHaveLength(2);

    const forward = await store.query({ order: 'asc', cursor: (await store.query({ order: 'asc', limit: 5 })).nextCursor });
    expect(forward.records.map((entry) => entry.id)).toEqual(['id-005', 'id-006']);
    await store.close();
  });

  it('deletes records older than the retention cutoff', async () => {
    const store = await open();
    await store.migrate();
    await store.insert([record(0), record(1), record(2)]);
    expect(await store.deleteOlderThan(record(2).time)).toBe(2);
    expect((await store.query({})).records.map((entry) => entry.id)).toEqual(['id-002']);
    await store.close();
  });

  it('deletes an expiry larger than one delete slice, and nothing newer', async () => {
    const store = await open();
    await store.migrate();
    const expired = Array.from({ length: 8_000 }, (_, index) => record(index, { id: `old-${String(index).padStart(5, '0')}` }));
    const kept = [record(20_000), record(20_001)];
    await store.insert([...expired, ...kept]);
    expect(await store.deleteOlderThan(record(8_000).time)).toBe(8_000);
    expect((await readAll(store)).map((entry) => entry.id)).toEqual(['id-20000', 'id-20001']);
    await store.close();
  });

  it('rejects a cursor it did not give out', async () => {
    const store = await open();
    await store.migrate();
    await expect(store.query({ cursor: 'bm90LWEtY3Vyc29y' })).rejects.toThrow(/cursor/);
    await store.close();
  });
});

describe.skipIf(unreachable !== undefined)('postgres log store shared by instances', () => {
  it('sweeps past rows another instance is deleting instead of waiting for its locks', async () => {
    const schema = freshSchema();
    const store = createPostgresLogStore({ url: postgresUrl, schema });
    await store.migrate();
    await store.insert(Array.from({ length: 10 }, (_, index) => record(index)));
    // Another instance's sweep, mid-slice: three expired rows locked by its open transaction.
    const other = new pg.Client({ connectionString: postgresUrl });
    await other.connect();
    await other.query('BEGIN');
    await other.query(`DELETE FROM "${schema}".request_logs WHERE id IN ('id-000', 'id-001', 'id-002')`);
    try {
      const started = performance.now();
      const deleted = await Promise.race([store.deleteOlderThan(record(10).time), new Promise<string>((resolve) => setTimeout(() => resolve('waited for the locks'), 3000))]);
      expect(deleted).toBe(7);
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      await other.query('COMMIT');
      await other.end();
    }
    expect(await readAll(store)).toEqual([]);
    await store.close();
  });
});

describe('sqlite log store, large batches', () => {
  // A request with its sole attempt, as toLogRecords makes them: the store keeps the two in one row.
  const pair = (index: number): LogRecord[] => {
    const head = record(index, { id: `pair-${String(index).padStart(4, '0')}`, attempts: 1, retries: 0 });
    const attempt: LogRecord = { id: attemptIdOf(head.id, 0), kind: 'attempt', traceId: head.traceId, time: head.time, method: head.method, path: head.path, format: head.format, provider: head.provider, modelRequested: head.modelRequested, status: 200, attemptIndex: 0, retries: 0, totalMs: 11 };
    return [head, attempt];
  };
  const rowsIn = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS rows FROM request_logs').get() as { rows: number }).rows;
    } finally {
      db.close();
    }
  };

  it('writes a large batch a part per turn of the event loop, in one transaction, keeping each request with its sole attempt', async () => {
    const path = join(folder, `large-${Math.random()}.db`);
    const store = createSqliteLogStore({ path });
    await store.migrate();
    // One lone request first: the parts of 256 records then end between a request and its attempt.
    const batch = [record(0, { id: 'lone-0000' }), ...Array.from({ length: 600 }, (_, index) => pair(index + 1)).flat()];
    let written = false;
    const writing = store.insert(batch).then(() => (written = true));
    // The event loop turns while the batch is written, and nothing of it is committed before its end.
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toBe(false);
    expect(rowsIn(path)).toBe(0);
    await writing;
    expect(rowsIn(path)).toBe(601);
    expect(await readAll(store)).toEqual(batch);
    await store.close();
  });

  it('writes none of a large batch when a part fails, and takes the next batch', async () => {
    const path = join(folder, `failing-${Math.random()}.db`);
    const store = createSqliteLogStore({ path });
    await store.migrate();
    // A value SQLite cannot bind, in the third part of the batch.
    const batch = Array.from({ length: 1000 }, (_, index) => record(index, { id: `bad-${String(index).padStart(4, '0')}`, ...(index === 700 ? { method: {} as never } : {}) }));
    await expect(store.insert(batch)).rejects.toThrow();
    expect(rowsIn(path)).toBe(0);
    await store.insert([record(1, { id: 'after-failure' })]);
    expect((await store.query({})).records.map((entry) => entry.id)).toEqual(['after-failure']);
    await store.close();
  });
});
