import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { toLogRecords } from '../create-observability.js';
import type { ObservedRequest } from '../observed-request.js';
import type { CostBreakdown } from '../prices/compute-cost.js';
import { createBatchedLogWriter } from './batched-log-writer.js';
import type { LogRecord, LogStore } from './log-record.js';
import type { LogRowChunk } from './log-row-chunk.js';
import { LogRowQueue, logRowsOf } from './log-row-queue.js';
import { logColumns } from './log-columns.js';
import { createMemoryLogStore } from './memory-log-store.js';

const startedAt = 1_795_786_000_123.4;

function observed(fields: Partial<ObservedRequest>): ObservedRequest {
  return {
    traceId: '019ac3f2-7d1b-7a3c-9e21-5f0c2b7d9a11',
    startedAt,
    method: 'POST',
    path: '/v1/chat/completions',
    format: 'openai-chat',
    status: 200,
    stream: false,
    totalMs: 812.4567,
    firstByteMs: 402.125,
    upstreamMs: 810.5,
    overheadMs: 0.375,
    ...fields,
  };
}

/** The records a few kinds of request leave: one answered attempt, a fallback chain, a gateway error, everything optional set. */
function requests(): LogRecord[][] {
  const cost = { total: 0.000_007_2, priceVersion: 'openai/gpt-4o-mini@2026-01-01' } as CostBreakdown;
  return [
    toLogRecords(observed({ provider: 'openai', modelRequested: 'gpt-4o-mini', modelAnswered: 'gpt-4o-mini-2024-07-18', usage: { input: 12, output: 9, total: 21 }, attempts: [{ provider: 'openai', model: 'gpt-4o-mini', status: 200, durationMs: 810.5, retry: 0 }] }), cost),
    toLogRecords(
      observed({
        provider: 'claude', modelRequested: '@claude/sonnet', modelAnswered: 'claude-sonnet-4-5', stream: true, usage: { input: 7, output: 3, cachedInput: 2, cacheWrite: 4, reasoning: 1, total: 10 },
        attempts: [
          { provider: 'openai', model: 'gpt-4o', status: 503, kind: 'upstream_unavailable', message: 'overloaded', durationMs: 40.25, retry: 0 },
          { provider: 'openai', model: 'gpt-4o', status: 503, kind: 'upstream_unavailable', message: 'overloaded', durationMs: 41, retry: 1 },
          { provider: 'claude', model: 'claude-sonnet-4-5', status: 200, durationMs: 700, retry: 0 },
        ],
        warnings: [{ code: 'dropped_field', field: 'logit_bias' }], metadata: { team: 'search', user: 'ü-42' }, keyId: 'key_a', cacheStatus: 'MISS', incomplete: true,
        guardrails: [{ phase: 'input', set: 'pii', action: 'allow', checks: [{ check: 'email', verdict: 'pass' }] }],
      }),
      cost,
      { requestBody: '{"model":"@claude/sonnet"}', responseBody: 'data: {"type":"message_start"}\n\n' },
    ),
    toLogRecords(observed({ status: 400, errorKind: 'invalid_request', errorMessage: 'messages: required', modelRequested: 'gpt-4o' }), undefined),
  ];
}

const rowsOf = (chunks: readonly LogRowChunk[]) => chunks.reduce((sum, chunk) => sum + chunk.rows, 0);

describe('log row queue', () => {
  it('gives back every record it was given, exactly, in order', () => {
    const queue = new LogRowQueue();
    const written = requests();
    for (const records of written) queue.append(records);
    expect(queue.records).toBe(written.flat().length);
    const chunks = queue.take(Number.POSITIVE_INFINITY);
    expect(queue.records).toBe(0);
    expect(chunks.flatMap((chunk) => chunk.toRecords())).toEqual(written.flat());
    // The answered request and its attempt share a row; the fallback chain's three attempts and the refused request have their own.
    expect(rowsOf(chunks)).toBe(1 + 4 + 1);
  });

  it('reads a row back as the SQL stores bind it: exact numbers, texts, and NULL for what is absent', () => {
    const queue = new LogRowQueue();
    queue.append(requests()[0]!);
    const [chunk] = queue.take(1);
    const values: unknown[] = [];
    chunk!.read(0, values, 0);
    const row = Object.fromEntries(logColumns.map((name, index) => [name, values[index]]));
    expect(row).toMatchObject({
      kind: 'request', time: Math.round(startedAt), status: 200, total_ms: 812.457, first_byte_ms: 402.125, overhead_ms: 0.375,
      tokens_input: 12, tokens_output: 9, tokens_cached_input: null, cost_usd: 0.000_007_2, stream: 0, model_answered: 'gpt-4o-mini-2024-07-18',
      attempt_provider: 'openai', attempt_status: 200, attempt_total_ms: 810.5, error_kind: null, warnings: null, request_body: null,
    });
  });

  it('fills chunks up to their record count, keeping a request and its sole attempt in one row', () => {
    const queue = new LogRowQueue(3);
    const single = (index: number): LogRecord => ({ id: `r${index}`, kind: 'request', traceId: `t${index}`, time: index, method: 'POST', path: '/v1/chat/completions', status: 200, totalMs: 1 });
    for (let index = 0; index < 7; index += 1) queue.append([single(index)]);
    expect(queue.take(Number.POSITIVE_INFINITY).map((chunk) => chunk.records)).toEqual([3, 3, 1]);
    // A pair arriving when the chunk holds two records makes it four: the row is not split.
    queue.append([single(10)]);
    queue.append([single(11)]);
    queue.append(requests()[0]!);
    queue.append([single(12)]);
    expect(queue.take(Number.POSITIVE_INFINITY).map((chunk) => chunk.records)).toEqual([4, 1]);
  });

  it('takes whole chunks until the batch size is reached, and a recycled chunk holds only its new rows', () => {
    const queue = new LogRowQueue(2);
    const single = (index: number): LogRecord => ({ id: `r${index}`, kind: 'request', traceId: `t${index}`, time: index, method: 'GET', path: '/v1/models', status: 200, totalMs: index });
    for (let index = 0; index < 5; index += 1) queue.append([single(index)]);
    const first = queue.take(3);
    expect(first.map((chunk) => chunk.records)).toEqual([2, 2]);
    expect(queue.records).toBe(1);
    queue.recycle(first);
    expect(first.every((chunk) => chunk.rows === 0 && chunk.records === 0)).toBe(true);
    queue.append([single(5)]);
    queue.append([single(6)]);
    const rest = queue.take(10);
    expect(rest.flatMap((chunk) => chunk.toRecords()).map((record) => record.id)).toEqual(['r4', 'r5', 'r6']);
    // The chunk reused for r5, r6 was one of the recycled ones.
    expect(first).toContain(rest[1]);
  });
});

describe('batched log writer rows', () => {
  it('hands a store that takes rows the rows, and one that does not the same records', async () => {
    const written = requests();
    const batches: number[] = [];
    const seen: LogRecord[] = [];
    const memory = createMemoryLogStore();
    // Read as they arrive: the writer empties the chunks for reuse once the store is done with them.
    const rowStore: LogStore = { ...memory, insertRows: async (chunks) => void (batches.push(chunks.length), seen.push(...chunks.flatMap((chunk) => chunk.toRecords()))) };
    const rowWriter = createBatchedLogWriter({ store: rowStore, flushIntervalMs: 60_000 });
    const recordWriter = createBatchedLogWriter({ store: memory, flushIntervalMs: 60_000 });
    for (const records of written) {
      rowWriter.write(records);
      recordWriter.write(records);
    }
    await Promise.all([rowWriter.close(), recordWriter.close()]);
    expect(batches).toEqual([1]);
    expect(seen).toEqual(written.flat());
    const byId = (a: LogRecord, b: LogRecord) => (a.id < b.id ? -1 : 1);
    expect((await memory.query({ limit: 100 })).records.sort(byId)).toEqual(written.flat().sort(byId));
    expect(rowWriter.stats()).toMatchObject({ written: written.flat().length, queued: 0 });
  });

  it('counts a record whose fields cannot be written as JSON as failed, and keeps the rest', async () => {
    const errors: unknown[] = [];
    const memory = createMemoryLogStore();
    const writer = createBatchedLogWriter({ store: memory, flushIntervalMs: 60_000, onError: (error) => errors.push(error) });
    const [good, , refused] = requests();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    writer.write([{ ...refused![0]!, warnings: [cyclic] }]);
    writer.write(good!);
    await writer.close();
    expect(writer.stats()).toMatchObject({ failed: 1, written: 2, queued: 0 });
    expect(String(errors[0])).toMatch(/1 log record\(s\) had a field that could not be written as JSON/);
    expect((await memory.query({ limit: 10 })).records.map((record) => record.id).sort()).toEqual(good!.map((record) => record.id).sort());
  });

  it("refuses a SQL store's insert of records one of which cannot be written, rather than dropping it unsaid", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const records = requests()[0]!;
    expect(() => logRowsOf([...records, { ...requests()[2]![0]!, metadata: cyclic as never }])).toThrow(/1 log record\(s\) had a field that could not be written as JSON/);
    expect(rowsOf(logRowsOf(records))).toBe(1);
  });

  it('does not keep the records it was given alive until their batch is written', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const writer = createBatchedLogWriter({ store: createMemoryLogStore(), flushIntervalMs: 60_000 });
    const refs = writeAndWatch(writer, 50);
    expect(writer.stats().queued).toBe(refs.length);
    // A WeakRef keeps its target alive until the job that made it has ended.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(refs.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    await writer.close();
    expect(writer.stats().written).toBe(refs.length);
  });
});

// In a function of its own: a suspended async test would keep the last records in its frame.
function writeAndWatch(writer: ReturnType<typeof createBatchedLogWriter>, requestCount: number): Array<WeakRef<LogRecord>> {
  const refs: Array<WeakRef<LogRecord>> = [];
  for (let index = 0; index < requestCount; index += 1) {
    const records = requests()[index % 3]!;
    for (const record of records) refs.push(new WeakRef(record));
    writer.write(records);
  }
  return refs;
}
