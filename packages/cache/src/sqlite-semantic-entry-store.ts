import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { enterWalMode, waitForLocksOnTimers } from '@switchyard/core';
import Database from 'better-sqlite3';
import type { CachedAnswer } from './cache-types.js';
import { type SemanticEntry, type SemanticEntryStore, vectorFromBytes, vectorToBytes } from './semantic-entry-store.js';

interface EntryRow {
  id: string;
  scope: string;
  vector: Buffer;
  answer: string;
  expires_at: number;
}

/** Semantic entries in an SQLite file (created with its directory when missing). */
export function createSqliteSemanticEntryStore(options: { path: string }): SemanticEntryStore {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  // Several gateway processes (cluster workers, instances on one host) may share the file.
  db.pragma('busy_timeout = 5000');
  enterWalMode(db);
  // better-sqlite3's default page cache is 16 MB per connection; 2 MB keeps a growing store from creeping the RSS up.
  db.pragma('cache_size = -2000');
  db.exec(`CREATE TABLE IF NOT EXISTS switchyard_semantic_cache (
    id TEXT PRIMARY KEY,
    scope TEXT NOT NULL,
    vector BLOB NOT NULL,
    answer TEXT NOT NULL,
    stored_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS switchyard_semantic_cache_stored_at ON switchyard_semantic_cache (stored_at);`);
  const insert = db.prepare('INSERT OR REPLACE INTO switchyard_semantic_cache (id, scope, vector, answer, stored_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)');
  const select = db.prepare<[number, number], EntryRow>('SELECT id, scope, vector, answer, expires_at FROM switchyard_semantic_cache WHERE stored_at >= ? AND expires_at > ? ORDER BY stored_at');
  const remove = db.prepare('DELETE FROM switchyard_semantic_cache WHERE id = ?');
  const removeAll = db.transaction((ids: readonly string[]) => {
    for (const id of ids) remove.run(id);
  });
  // Answers are stored after requests on the serving process: waiting for another worker's write
  // lock in SQLite's busy handler would stop every request it serves meanwhile.
  const whenFree = waitForLocksOnTimers(db, 5000);
  return {
    async loadSince(storedAt, now) {
      return (await whenFree(() => select.all(storedAt, now))).map(fromRow);
    },
    async add(entry) {
      const vector = vectorToBytes(entry.vector);
      const answer = JSON.stringify(entry.answer);
      await whenFree(() => insert.run(entry.id, entry.scope, vector, answer, entry.answer.storedAt, entry.expiresAt));
    },
    async delete(ids) {
      // Takes the write lock before its first delete, so a busy file fails (and is retried) before any work.
      await whenFree(() => removeAll.immediate(ids));
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

function fromRow(row: EntryRow): SemanticEntry {
  return { id: row.id, scope: row.scope, vector: vectorFromBytes(row.vector), answer: JSON.parse(row.answer) as CachedAnswer, expiresAt: row.expires_at };
}
