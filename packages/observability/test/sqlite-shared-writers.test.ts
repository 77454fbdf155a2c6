import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectWriteToWaitOnTimers, holdSqliteWriteLock, longestEventLoopStall, stopSqliteLockHolders } from '@switchyard/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogRecord } from '../src/logs/log-record.js';
import { createSqliteLogStore } from '../src/logs/sqlite-log-store.js';

const testFolder = dirname(fileURLToPath(import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'switchyard-log-writers-'));
afterAll(() => {
  stopSqliteLockHolders();
  rmSync(folder, { recursive: true, force: true });
});

const records = (prefix: string, count: number, time = 1_700_000_000_000): LogRecord[] =>
  Array.from({ length: count }, (_, index) => ({ id: `${prefix}-${String(index).padStart(5, '0')}`, kind: 'request', traceId: `${prefix}-trace-${index}`, time: time + index, method: 'POST', path: '/v1/chat/completions', provider: 'openai', modelRequested: 'gpt-4o-mini', status: 200, totalMs: 2 }));

describe('SQLite log stores sharing a file (gateway workers)', () => {
  it('a batch waiting for another process\'s write lock keeps the event loop turning, then lands', async () => {
    const path = join(folder, 'cluster.db');
    const store = createSqliteLogStore({ path });
    await store.migrate();
    await expectWriteToWaitOnTimers(path, () => store.insert(records('waited', 50)), { resolveFrom: testFolder });
    const page = await store.query({ limit: 100, order: 'asc' });
    expect(page.records).toHaveLength(50);
    expect(page.records[0]!.id).toBe('waited-00000');
    await store.close();
  });

  it('two stores on one file write concurrent batches without failing or stalling', async () => {
    const path = join(folder, 'two-stores.db');
    const first = createSqliteLogStore({ path });
    const second = createSqliteLogStore({ path });
    await first.migrate();
    await second.migrate();
    // The first batch spans several chunks, so its transaction stays open across turns of the
    // event loop; the second store's batch comes while it is open.
    const { result, stallMs } = await longestEventLoopStall(() => Promise.all([first.insert(records('first', 2000)), second.insert(records('second', 300, 1_700_000_100_000))]));
    expect(result.status).toBe('fulfilled');
    expect(stallMs).toBeLessThan(1_000);
    const fromFirst = await first.query({ limit: 1000, since: 1_700_000_100_000 });
    expect(fromFirst.records).toHaveLength(300);
    expect(fromFirst.records.every((record) => record.id.startsWith('second-'))).toBe(true);
    const older = await second.query({ limit: 1000, until: 1_700_000_001_999 });
    expect(older.records).toHaveLength(1000);
    expect(older.nextCursor).toBeDefined();
    await first.close();
    await second.close();
  });

  it('retention deletes wait for another writer the same way', async () => {
    const path = join(folder, 'retention.db');
    const store = createSqliteLogStore({ path });
    await store.migrate();
    await store.insert([...records('old', 5, 1_600_000_000_000), ...records('new', 5)]);
    const { released } = await holdSqliteWriteLock(path, 300, { resolveFrom: testFolder });
    const { result, ticks } = await longestEventLoopStall(() => store.deleteOlderThan(1_650_000_000_000));
    expect(result).toEqual({ status: 'fulfilled', value: 5 });
    expect(ticks).toBeGreaterThanOrEqual(15);
    await released;
    const page = await store.query({ limit: 100 });
    expect(page.records.map((record) => record.id).sort()).toEqual(records('new', 5).map((record) => record.id));
    await store.close();
  });
});

describe('SQLite log store retention', () => {
  it('deletes a large expiry in slices, the event loop turning between them, while batches go on landing', async () => {
    const store = createSqliteLogStore({ path: join(folder, 'expiry.db') });
    await store.migrate();
    for (let start = 0; start < 60_000; start += 10_000) await store.insert(records(`old${start}`, 10_000, 1_600_000_000_000 + start));
    const { result, ticks } = await longestEventLoopStall(async () => {
      const deleting = store.deleteOlderThan(1_650_000_000_000);
      // A batch written while the expiry is being deleted lands between two slices.
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.insert(records('meanwhile', 10));
      return deleting;
    });
    expect(result).toEqual({ status: 'fulfilled', value: 60_000 });
    // One DELETE of all 60 000 rows ran in one turn of the event loop: the 5 ms interval never fired.
    expect(ticks).toBeGreaterThanOrEqual(3);
    const page = await store.query({ limit: 100 });
    expect(page.records).toHaveLength(10);
    expect(page.records.every((record) => record.id.startsWith('meanwhile-'))).toBe(true);
    await store.close();
  });
});
