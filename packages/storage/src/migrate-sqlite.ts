import type { Database } from 'better-sqlite3';
import { type Migration, pendingMigrations } from './migration.js';

/**
 * Brings an SQLite database up to date. BEGIN IMMEDIATE takes the write lock before the
 * applied versions are read, so two processes opening the same file apply each step once
 * (the second waits on busy_timeout, then finds nothing to do).
 */
export function migrateSqlite(db: Database, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS switchyard_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const apply = db.transaction(() => {
    const rows = db.prepare('SELECT version FROM switchyard_migrations').all() as Array<{ version: number }>;
    const record = db.prepare('INSERT INTO switchyard_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of pendingMigrations(migrations, new Set(rows.map((row) => row.version)))) {
      for (const statement of migration.statements) db.exec(statement);
      record.run(migration.version, migration.name, Date.now());
    }
  });
  apply.immediate();
}
