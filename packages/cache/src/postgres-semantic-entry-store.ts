import type { CachedAnswer } from './cache-types.js';
import { type SemanticEntry, type SemanticEntryStore, vectorFromBytes, vectorToBytes } from './semantic-entry-store.js';

export interface PostgresSemanticEntryStoreOptions {
  connectionString: string;
  /** The schema holding the table, created when missing. Default `public`. */
  schema?: string;
}

interface EntryRow {
  id: string;
  scope: string;
  vector: Buffer;
  answer: CachedAnswer;
  expires_at: string;
}

/** Semantic entries in PostgreSQL, shared by every gateway instance pointed at the database. */
export async function createPostgresSemanticEntryStore(options: PostgresSemanticEntryStoreOptions): Promise<SemanticEntryStore> {
  const { default: pg } = await import('pg');
  const schema = options.schema ?? 'public';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid PostgreSQL schema name "${schema}"`);
  const table = `"${schema}".switchyard_semantic_cache`;
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 4 });
  pool.on('error', () => {});
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end().catch(() => {});
    throw error;
  });
  try {
    // Instances starting together would race on CREATE TABLE IF NOT EXISTS: one lock serialises them.
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('switchyard_semantic_cache'))");
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${table} (
      id TEXT PRIMARY KEY,
      scope TEXT NOT NULL,
      vector BYTEA NOT NULL,
      answer JSONB NOT NULL,
      stored_at BIGINT NOT NULL,
      expires_at BIGINT NOT NULL
    )`);
    await client.query(`CREATE INDEX IF NOT EXISTS switchyard_semantic_cache_stored_at ON ${table} (stored_at)`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
    await pool.end().catch(() => {});
    throw error;
  }
  client.release();
  let closing: Promise<void> | undefined;
  return {
    async loadSince(storedAt, now) {
      const result = await pool.query<EntryRow>(`SELECT id, scope, vector, answer, expires_at FROM ${table} WHERE stored_at >= $1 AND expires_at > $2 ORDER BY stored_at`, [storedAt, now]);
      return result.rows.map((row) => ({ id: row.id, scope: row.scope, vector: vectorFromBytes(row.vector), answer: row.answer, expiresAt: Number(row.expires_at) }));
    },
    async add(entry: SemanticEntry) {
      await pool.query(
        `INSERT INTO ${table} (id, scope, vector, answer, stored_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET vector = excluded.vector, answer = excluded.answer, stored_at = excluded.stored_at, expires_at = excluded.expires_at`,
        [entry.id, entry.scope, vectorToBytes(entry.vector), JSON.stringify(entry.answer), entry.answer.storedAt, entry.expiresAt],
      );
    },
    async delete(ids) {
      if (ids.length > 0) await pool.query(`DELETE FROM ${table} WHERE id = ANY($1)`, [ids]);
    },
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}
