import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type StoredResponse, deleteInSlices, enterWalMode, waitForLocksOnTimers } from '@switchyard/core';
import Database from 'better-sqlite3';
import type { ManagedResponseStore } from './managed-response-store.js';
import { migrateSqlite } from './migrate-sqlite.js';
import { sqliteMigrations } from './sqlite-migrations.js';

// Retention deletes this many records per transaction, yielding between them: a record holds a
// whole conversation, and one DELETE of a month's expiry would hold the event loop, and the file
// against other workers, for all of it. With 40 KB records, slices of 1 000 held the loop up to
// 42 ms at a time; slices of 200, 10 ms.
const recordsPerDelete = 200;

export interface SqliteResponseStoreOptions {
  /** The database file (its folder is created when missing), or `:memory:`. */
  path: string;
  /** Milliseconds a statement waits for another connection's write lock (on timers) before failing with SQLITE_BUSY. Default 5000. */
  busyTimeoutMs?: number;
}

/**
 * The embedded store: one SQLite file, opened in WAL mode so reads never wait for the writer
 * and several gateway processes may share the file. The table is created (migrated) on open.
 * better-sqlite3 is synchronous; each call is a single indexed statement on a local file.
 */
export function createSqliteResponseStore(options: SqliteResponseStoreOptions): ManagedResponseStore {
  const inMemory = options.path === ':memory:' || options.path === '';
  if (!inMemory) mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  const busyTimeoutMs = Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000));
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    if (!inMemory) enterWalMode(db, busyTimeoutMs);
    // With WAL, NORMAL loses no data on a process crash (only on power loss) and skips an fsync per write.
    db.pragma('synchronous = NORMAL');
    // better-sqlite3's default page cache is 16 MB per connection; 2 MB keeps a growing store from creeping the RSS up.
    db.pragma('cache_size = -2000');
    migrateSqlite(db, sqliteMigrations);
  } catch (error) {
    db.close();
    throw error;
  }

  const insert = db.prepare(
    `INSERT INTO switchyard_responses (id, owner, created_at, record) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, created_at = excluded.created_at, record = excluded.record`,
  );
  const select = db.prepare('SELECT record FROM switchyard_responses WHERE id = ?').pluck();
  const remove = db.prepare('DELETE FROM switchyard_responses WHERE id = ?');
  const removeOlder = db.prepare(`DELETE FROM switchyard_responses WHERE rowid IN (SELECT rowid FROM switchyard_responses WHERE created_at < ? LIMIT ${recordsPerDelete})`);

  // Saves run on the request path: waiting for another worker's write lock (its retention slice
  // holds it ~10 ms) in SQLite's busy handler would stop every request this process serves.
  const whenFree = waitForLocksOnTimers(db, busyTimeoutMs);

  return {
    async save(record) {
      const json = JSON.stringify(record);
      await whenFree(() => insert.run(record.id, record.owner, record.createdAt, json));
    },
    async get(id) {
      const json = (await whenFree(() => select.get(id))) as string | undefined;
      return json === undefined ? undefined : (JSON.parse(json) as StoredResponse);
    },
    async delete(id) {
      return (await whenFree(() => remove.run(id))).changes > 0;
    },
    async deleteOlderThan(date) {
      return deleteInSlices(() => whenFree(() => removeOlder.run(date.getTime()).changes), recordsPerDelete, () => !db.open);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
