import type { Pool } from 'pg';
import { type Migration, pendingMigrations } from './migration.js';
import { quoteIdentifier } from './quote-identifier.js';

/**
 * Brings a PostgreSQL schema up to date, in one transaction under an advisory lock keyed by
 * the schema, so several gateway instances starting at once apply each step exactly once:
 * the others wait for the lock, then find nothing left to do.
 */
export async function migratePostgres(pool: Pool, schema: string, migrations: readonly Migration[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`switchyard-migrations:${schema}`]);
    // Checked first: CREATE SCHEMA IF NOT EXISTS still needs the CREATE privilege on the database.
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
    await client.query(`SET LOCAL search_path TO ${quoteIdentifier(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS switchyard_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = await client.query<{ version: number }>('SELECT version FROM switchyard_migrations');
    for (const migration of pendingMigrations(migrations, new Set(applied.rows.map((row) => row.version)))) {
      for (const statement of migration.statements) await client.query(statement);
      await client.query('INSERT INTO switchyard_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
