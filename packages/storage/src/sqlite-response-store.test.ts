import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectWriteToWaitOnTimers, holdSqliteWriteLock, longestEventLoopStall, stopSqliteLockHolders } from '@switchyard/testkit';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { describeResponseStoreContract, storedResponse } from './response-store-contract.test-support.js';
import { createSqliteResponseStore } from './sqlite-response-store.js';

const folder = mkdtempSync(join(tmpdir(), 'switchyard-sqlite-'));
afterAll(() => {
  stopSqliteLockHolders();
  rmSync(folder, { recursive: true, force: true });
});
const testFolder = dirname(fileURLToPath(import.meta.url));
let files = 0;
const freshPath = () => join(folder, `nested-${++files}`, 'responses.db');

describeResponseStoreContract('sqlite (file)', async () => ({ store: createSqliteResponseStore({ path: freshPath() }) }));
describeResponseStoreContract('sqlite (:memory:)', async () => ({ store: createSqliteResponseStore({ path: ':memory:' }) }));

describe('sqlite response store', () => {
  it('creates its folder, uses WAL, and records the migration once across reopenings', async () => {
    const path = freshPath();
    const first = createSqliteResponseStore({ path });
    await first.save(storedResponse('resp_kept'));
    await first.close();
    const second = createSqliteResponseStore({ path });
    expect(await second.get('resp_kept')).toEqual(storedResponse('resp_kept'));
    await second.close();

    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version, name FROM switchyard_migrations').all()).toEqual([{ version: 1, name: 'responses' }]);
    db.close();
  });

  it('lets two stores on one file see each other’s writes', async () => {
    const path = freshPath();
    const one = createSqliteResponseStore({ path });
    const two = createSqliteResponseStore({ path });
    await one.save(storedResponse('resp_shared'));
    expect((await two.get('resp_shared'))?.id).toBe('resp_shared');
    expect(await two.delete('resp_shared')).toBe(true);
    expect(await one.get('resp_shared')).toBeUndefined();
    await one.close();
    await two.close();
  });

  it('a save waiting for another process\'s write lock keeps the event loop turning, then lands', async () => {
    const path = freshPath();
    const store = createSqliteResponseStore({ path });
    await expectWriteToWaitOnTimers(path, () => store.save(storedResponse('resp_waited')), { resolveFrom: testFolder });
    expect((await store.get('resp_waited'))?.id).toBe('resp_waited');
    await store.close();
  });

  it('reads while another process writes, and gives up a save with SQLITE_BUSY after busyTimeoutMs', async () => {
    const path = freshPath();
    const store = createSqliteResponseStore({ path, busyTimeoutMs: 150 });
    await store.save(storedResponse('resp_before'));
    const { released } = await holdSqliteWriteLock(path, 1500, { resolveFrom: testFolder });
    const readStarted = performance.now();
    expect((await store.get('resp_before'))?.id).toBe('resp_before');
    expect(performance.now() - readStarted).toBeLessThan(100);
    const started = performance.now();
    const { result, stallMs } = await longestEventLoopStall(() => store.save(storedResponse('resp_refused')));
    expect(result).toMatchObject({ status: 'rejected', reason: { code: 'SQLITE_BUSY' } });
    expect(performance.now() - started).toBeGreaterThanOrEqual(100);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(stallMs).toBeLessThan(150);
    await released;
    expect(await store.get('resp_refused')).toBeUndefined();
    await store.close();
  });

  it('deletes a large expiry of big records slice by slice, the event loop turning between slices', async () => {
    const store = createSqliteResponseStore({ path: freshPath() });
    const conversation = 'word '.repeat(8_000);
    const now = Date.UTC(2025, 5, 1);
    for (let index = 0; index < 2_000; index += 1) {
      await store.save(storedResponse(`resp_big_${index}`, { createdAt: now - 40 * 86_400_000 + index, messages: [{ role: 'user', content: [{ type: 'text', text: conversation }] }] }));
    }
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 1);
    const deleted = await store.deleteOlderThan(new Date(now));
    clearInterval(ticker);
    expect(deleted).toBe(2_000);
    // One DELETE of all 2 000 ran in one turn of the event loop: the interval never fired.
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(await store.get('resp_big_0')).toBeUndefined();
    await store.close();
  });
});

