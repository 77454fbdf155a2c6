import { type StoredResponse, deleteInSlices } from '@switchyard/core';
import type { ManagedResponseStore } from './managed-response-store.js';
import { migratePostgres } from './migrate-postgres.js';
import { postgresMigrations } from './postgres-migrations.js';
import { quoteIdentifier } from './quote-identifier.js';

// Records per transaction when retention deletes an expiry.
const recordsPerDelete = 1_000;

export interface PostgresResponseStoreOptions {
  /** `postgres://user:password@host:5432/database` (libpq parameters such as `sslmode` included). */
  connectionString: string;
  /** The schema holding Switchyard's tables, created when missing. Default `public`. */
  schema?: string;
  /** Most connections the pool opens. Default 10. */
  maxConnections?: number;
}

/**
 * The shared store: every gateway instance pointed at one database sees the same responses,
 * so a conversation may continue on any of them. Opening migrates the schema (safe when
 * several instances start at once, see migrate-postgres.ts); every query is parameterised.
 */
export async function createPostgresResponseStore(options: PostgresResponseStoreOptions): Promise<ManagedResponseStore> {
  // Loaded on use: the driver costs ~8 MiB of memory in every gateway that keeps responses elsewhere.
  const { default: pg } = await import('pg');
  const schema = options.schema ?? 'public';
  const table = `${quoteIdentifier(schema)}.switchyard_responses`;
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 10 });
  // An idle connection the server drops emits 'error' on the pool; unheard, that would end the
  // process. The pool discards that connection by itself and the next query opens another.
  pool.on('error', () => {});
  try {
    await migratePostgres(pool, schema, postgresMigrations);
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    async save(record) {
      await pool.query(
        `INSERT INTO ${table} (id, owner, created_at, record) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, created_at = excluded.created_at, record = excluded.record`,
        [record.id, record.owner, new Date(record.createdAt), JSON.stringify(record)],
      );
    },
    async get(id) {
      const result = await pool.query<{ record: StoredResponse }>(`SELECT record FROM ${table} WHERE id = $1`, [id]);
      return result.rows[0]?.record;
    },
    async delete(id) {
      const result = await pool.query(`DELETE FROM ${table} WHERE id = $1`, [id]);
      return (result.rowCount ?? 0) > 0;
    },
    async deleteOlderThan(date) {
      // SKIP LOCKED: instances sharing the table sweep at the same hour, and each takes records the
      // others' slices have not, rather than queueing behind their row locks.
      const deleteSlice = async () => (await pool.query(`DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE created_at < $1 LIMIT ${recordsPerDelete} FOR UPDATE SKIP LOCKED)`, [date])).rowCount ?? 0;
      return deleteInSlices(deleteSlice, recordsPerDelete);
    },
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}
