import Database from 'better-sqlite3';
import { buildWhere, logColumns, recordToRow, rowToRecord } from './log-columns.js';
import { checkTableName, logMigrations } from './log-migrations.js';
import { type LogStore, clampLimit, encodeCursor } from './log-record.js';

export interface SqliteLogStoreOptions {
  /** A file path, or `:memory:`. */
  path: string;
  table?: string;
}

/** The default log store: one SQLite file beside the gateway, in WAL mode so reads don't block the writer. */
export function createSqliteLogStore(options: SqliteLogStoreOptions): LogStore {
  const table = checkTableName(options.table ?? 'request_logs');
  const db = new Database(options.path);
  // Several processes may share the file (cluster workers): wait for the write lock rather than fail.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // better-sqlite3 builds SQLite with a 16 MB page cache per connection; an append-mostly log needs
  // only its newest pages, and the default lets the gateway's RSS creep up by ~15 MiB as the log grows.
  db.pragma('cache_size = -2000');
  let insert: Database.Statement | undefined;
  return {
    async migrate() {
      db.exec(`CREATE TABLE IF NOT EXISTS ${table}_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`);
      // BEGIN IMMEDIATE takes the write lock before the applied versions are read, so processes
      // opening the same file together (cluster workers) apply each step once.
      db.transaction(() => {
        const applied = new Set((db.prepare(`SELECT version FROM ${table}_migrations`).all() as { version: number }[]).map((row) => row.version));
        logMigrations(table).forEach((statement, index) => {
          if (applied.has(index + 1)) return;
          db.exec(statement);
          db.prepare(`INSERT INTO ${table}_migrations (version, applied_at) VALUES (?, ?)`).run(index + 1, Date.now());
        });
      }).immediate();
    },
    async insert(records) {
      insert ??= db.prepare(`INSERT OR IGNORE INTO ${table} (${logColumns.join(', ')}) VALUES (${logColumns.map(() => '?').join(', ')})`);
      const statement = insert;
      db.transaction(() => {
        for (const record of records) statement.run(recordToRow(record));
      })();
    },
    async query(query) {
      const limit = clampLimit(query.limit);
      const { where, params } = buildWhere(query, () => '?');
      const direction = query.order === 'asc' ? 'ASC' : 'DESC';
      const rows = db.prepare(`SELECT * FROM ${table} ${where} ORDER BY time ${direction}, id ${direction} LIMIT ?`).all(...params, limit + 1);
      const records = (rows as Parameters<typeof rowToRecord>[0][]).slice(0, limit).map(rowToRecord);
      const last = records.at(-1);
      return rows.length > limit && last ? { records, nextCursor: encodeCursor(last) } : { records, ...(query.order === 'asc' && last ? { nextCursor: encodeCursor(last) } : {}) };
    },
    async deleteOlderThan(cutoff) {
      return db.prepare(`DELETE FROM ${table} WHERE time < ?`).run(cutoff).changes;
    },
    async close() {
      db.close();
    },
  };
}
