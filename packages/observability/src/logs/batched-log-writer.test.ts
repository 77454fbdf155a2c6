import { describe, expect, it } from 'vitest';
import { createBatchedLogWriter } from './batched-log-writer.js';
import type { LogRecord, LogStore } from './log-record.js';
import { createMemoryLogStore } from './memory-log-store.js';

const record = (index: number): LogRecord => ({ id: `r${index}`, kind: 'request', traceId: `t${index}`, time: index, method: 'POST', path: '/v1/chat/completions', status: 200, totalMs: 1 });

describe('batched log writer', () => {
  it('writes in batches of the configured size, off the caller', async () => {
    const batches: number[] = [];
    const memory = createMemoryLogStore();
    const store: LogStore = { ...memory, insert: async (records) => void batches.push(records.length) };
    const writer = createBatchedLogWriter({ store, batchSize: 3, flushIntervalMs: 60_000 });
    for (let index = 0; index < 7; index += 1) writer.write([record(index)]);
    expect(batches).toEqual([]); // nothing written during the calls themselves
    await writer.close();
    expect(batches).toEqual([3, 3, 1]);
    expect(writer.stats()).toMatchObject({ written: 7, dropped: 0, queued: 0 });
  });

  it('flushes on its timer', async () => {
    const store = createMemoryLogStore();
    const writer = createBatchedLogWriter({ store, batchSize: 100, flushIntervalMs: 20 });
    writer.write([record(1)]);
    await expect.poll(async () => (await store.query({})).records.length, { timeout: 5000 }).toBe(1);
    await writer.close();
  });

  it('drops and counts records when the queue is full, without waiting on the store', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const store: LogStore = { ...createMemoryLogStore(), insert: () => blocked };
    const writer = createBatchedLogWriter({ store, batchSize: 2, maxQueue: 4, flushIntervalMs: 60_000 });
    for (let index = 0; index < 10; index += 1) writer.write([record(index)]);
    expect(writer.stats().dropped).toBe(6);
    release();
    await writer.close();
  });

  it('counts a failed write and keeps going', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const memory = createMemoryLogStore();
    const store: LogStore = { ...memory, insert: async (records) => (++calls === 1 ? Promise.reject(new Error('disk full')) : memory.insert(records)) };
    const writer = createBatchedLogWriter({ store, batchSize: 1, flushIntervalMs: 60_000, onError: (error) => errors.push(error) });
    writer.write([record(1), record(2)]);
    await writer.close();
    expect(errors).toHaveLength(1);
    expect(writer.stats()).toMatchObject({ failed: 1, written: 1 });
    expect((await memory.query({})).records.map((entry) => entry.id)).toEqual(['r2']);
  });
});
