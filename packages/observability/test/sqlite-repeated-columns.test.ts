import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { toLogRecords } from '../src/create-observability.js';
import type { LogRecord } from '../src/logs/log-record.js';
import { logColumns } from '../src/logs/log-columns.js';
import { createMemoryLogStore } from '../src/logs/memory-log-store.js';
import { endOfRun, literalsOf, shapeKeyOf } from '../src/logs/repeated-columns.js';
import { createSqliteLogStore } from '../src/logs/sqlite-log-store.js';
import type { ObservedRequest } from '../src/observed-request.js';

// The SQLite store writes runs of rows that repeat their route, provider, models and price version
// with those values as SQL literals in the statement (repeated-columns.ts). What it stores must be
// what the bound way stores, whatever the values hold.

const folder = mkdtempSync(join(tmpdir(), 'switchyard-repeated-columns-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const hostile = `it's "quoted"'); DROP TABLE request_logs; --`;
const started = 1_770_000_000_000;

function request(index: number, model: string, fields: Partial<ObservedRequest> = {}): ObservedRequest {
  return {
    traceId: `trace-${model.length}-${index}`,
    startedAt: started + index,
    method: 'POST',
    path: '/v1/chat/completions',
    format: 'openai-chat',
    provider: 'openai',
    modelRequested: model,
    modelAnswered: `${model}-2025`,
    status: 200,
    stream: false,
    totalMs: 10 + index / 8,
    upstreamMs: 9,
    overheadMs: 0.5,
    usage: { input: index, output: 3, total: index + 3 },
    attempts: [{ provider: 'openai', model, status: 200, durationMs: 9.5, retry: 0 }],
    ...fields,
  };
}

/** Runs long enough for literal statements, runs too short, values that must stay bound, and failures. */
function records(): LogRecord[] {
  const list: ObservedRequest[] = [];
  let index = 0;
  for (let count = 0; count < 40; count += 1) list.push(request(index++, 'gpt-4o'));
  for (let count = 0; count < 20; count += 1) list.push(request(index++, hostile));
  for (let count = 0; count < 17; count += 1) list.push(request(index++, 'modèle-ü'));
  for (let count = 0; count < 18; count += 1) list.push(request(index++, 'gpt-4o', { status: 429, modelAnswered: undefined, usage: undefined, errorKind: 'rate_limit', errorMessage: 'slow down', attempts: [{ provider: 'openai', model: 'gpt-4o', status: 429, kind: 'rate_limit', message: 'slow down', durationMs: 2, retry: 0 }] }));
  for (let count = 0; count < 12; count += 1) list.push(request(index++, count % 2 === 0 ? 'gpt-4o' : 'gpt-4o-mini'));
  return list.flatMap((observed) => toLogRecords(observed, { total: observed.startedAt / 1e15, priceVersion: `openai/${observed.modelRequested}@2025-01-01` } as never));
}

const withoutUndefined = (record: LogRecord) => JSON.parse(JSON.stringify(record)) as LogRecord;

describe('SQLite log rows with repeated values as literals', () => {
  it('stores and reads back every record exactly, whole batches and batches cut anywhere', async () => {
    const written = records();
    const memory = createMemoryLogStore();
    await memory.insert(written);
    const expected = (await memory.query({ order: 'asc', limit: 1000 })).records.map(withoutUndefined);
    expect(expected).toHaveLength(written.length);
    const prepare = vi.spyOn(Database.prototype, 'prepare');
    for (const batch of [written.length, 200, 37, 7]) {
      const path = join(folder, `logs-${batch}.db`);
      const store = createSqliteLogStore({ path });
      await store.migrate();
      for (let start = 0; start < written.length; start += batch) await store.insert(written.slice(start, start + batch));
      const read = (await store.query({ order: 'asc', limit: 1000 })).records.map(withoutUndefined);
      expect(read).toEqual(expected);
      // The hostile model name went in as a literal, quotes doubled, and the table is still there.
      const found = (await store.query({ model: hostile, limit: 1000 })).records;
      expect(found).toHaveLength(40);
      await store.close();
      const db = new Database(path);
      expect((db.prepare("SELECT COUNT(*) AS n FROM request_logs WHERE model_requested = ? AND kind = 'request'").get(hostile) as { n: number }).n).toBe(20);
      db.close();
    }
    const statements = prepare.mock.calls.map(([sql]) => String(sql)).filter((sql) => sql.startsWith('INSERT OR IGNORE INTO request_logs'));
    expect(statements.some((sql) => sql.includes(`'${hostile.replaceAll("'", "''")}'`))).toBe(true);
    expect(statements.some((sql) => sql.includes("'gpt-4o'") && sql.includes('NULL'))).toBe(true);
    // Text that is not plain ASCII is never written into SQL.
    expect(statements.some((sql) => sql.includes('modèle'))).toBe(false);
  });
});

describe('repeated-columns helpers', () => {
  const row = (values: Record<string, unknown>) => logColumns.map((name) => values[name] ?? null);
  const same = { kind: 'request', method: 'POST', path: '/v1/chat/completions', provider: 'openai', model_requested: 'gpt-4o' };

  it('ends a run where a repeated column changes, not where another one does', () => {
    const values = [row({ ...same, id: 'a', total_ms: 1 }), row({ ...same, id: 'b', total_ms: 2 }), row({ ...same, id: 'c', model_requested: 'other' }), row({ ...same, id: 'd' })].flat();
    expect(endOfRun(values, 0, 4)).toBe(2);
    expect(endOfRun(values, 2, 4)).toBe(3);
    expect(endOfRun(values, 3, 4)).toBe(4);
  });

  it('tells a null from the text "null" in its key, and quotes or refuses values as literals', () => {
    expect(shapeKeyOf(row({ format: null }), 0)).not.toBe(shapeKeyOf(row({ format: 'null' }), 0));
    const literals = literalsOf(row({ ...same, model_answered: "o'clock" }), 0)!;
    expect(literals.get(logColumns.indexOf('model_answered'))).toBe("'o''clock'");
    expect(literals.get(logColumns.indexOf('format'))).toBe('NULL');
    expect(literalsOf(row({ ...same, model_requested: 'line\nbreak' }), 0)).toBeUndefined();
    expect(literalsOf(row({ ...same, model_requested: 'x'.repeat(201) }), 0)).toBeUndefined();
    expect(literalsOf(row({ ...same, model_requested: 'nul\u0000byte' }), 0)).toBeUndefined();
  });
});
