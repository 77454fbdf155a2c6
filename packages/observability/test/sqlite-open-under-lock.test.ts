import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { holdSqliteWriteLock, stopSqliteLockHolders } from '@switchyard/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteLogStore } from '../src/logs/sqlite-log-store.js';

const testFolder = dirname(fileURLToPath(import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'switchyard-log-lock-'));
afterAll(() => {
  stopSqliteLockHolders();
  rmSync(folder, { recursive: true, force: true });
});

describe('SQLite log store opening a file another process is writing', () => {
  it('waits for the other writer instead of failing with "database is locked"', async () => {
    const path = join(folder, 'shared.db');
    const { released } = await holdSqliteWriteLock(path, 300, { resolveFrom: testFolder, statement: 'CREATE TABLE IF NOT EXISTS other_writer (value TEXT)' });
    const started = performance.now();
    const store = createSqliteLogStore({ path });
    // The switch to WAL waited for the other process's transaction to end.
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    await store.migrate();
    await store.insert([{ id: 'after-lock', kind: 'request', traceId: 't', time: 1_700_000_000_000, method: 'POST', path: '/v1/chat/completions', status: 200, totalMs: 1 }]);
    const page = await store.query({ limit: 10 });
    expect(page.records.map((record) => record.id)).toEqual(['after-lock']);
    await store.close();
    await released;

    const reader = new Database(path, { readonly: true });
    expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
    // The other process's write landed too: neither side lost its work.
    expect(reader.prepare("SELECT name FROM sqlite_master WHERE name = 'other_writer'").get()).toEqual({ name: 'other_writer' });
    reader.close();
  });
});
