import { createRequire } from 'node:module';
import { deleteInSlices } from '@switchyard/core';
import type pg from 'pg';
import { type LogRow, logColumns } from './log-columns.js';
import type { LogRowChunk } from './log-row-chunk.js';
import { logRowsOf } from './log-row-queue.js';
import { pageLogRows } from './log-query-sql.js';
import { checkTableName, logMigrations } from './log-migrations.js';
import type { LogStore } from './log-record.js';

export interface PostgresLogStoreOptions {
  /** A connection string (`postgres://user@host:5432/db`). */
  url: string;
  table?: string;
  /** Schema the table lives in (created when missing). */
  schema?: string;
  maxConnections?: number;
}

// PostgreSQL takes at most 65 535 bind parameters per statement: a batch larger than this many
// rows (a configured `logs.batchSize` of some 1 500 records or more) goes as several INSERTs.
const rowsPerStatement = Math.floor(65_535 / logColumns.length);
// Rows per transaction when retention deletes an expiry (an hour of a busy gateway is millions).
const rowsPerDelete = 5_000;

/** The log in PostgreSQL, for gateways run as several instances. A batch is one multi-row INSERT (or a few, when large). */
export function createPostgresLogStore(options: PostgresLogStoreOptions): LogStore {
  const schema = options.schema === undefined ? undefined : checkTableName(options.schema);
  const table = (schema ? `${schema}.` : '') + checkTableName(options.table ?? 'request_logs');
  const indexPrefix = checkTableName(options.table ?? 'request_logs');
  // Loaded on first use: a gateway without PostgreSQL never pays for the driver.
  const pgDriver = createRequire(import.meta.url)('pg') as typeof pg;
  const pool = new pgDriver.Pool({ connectionString: options.url, max: options.maxConnections ?? 4 });
  // An idle client that errors (server restart) must not crash the gateway; the next query reconnects.
  pool.on('error', () => {});
  const insertRows = async (chunks: readonly LogRowChunk[]) => {
    let params: unknown[] = [];
    let tuples: string[] = [];
    const send = async () => {
      if (tuples.length === 0) return;
      await pool.query(`INSERT INTO ${table} (${logColumns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (id) DO NOTHING`, params);
      params = [];
      tuples = [];
    };
    for (const chunk of chunks) {
      for (let row = 0; row < chunk.rows; row += 1) {
        const start = params.length;
        chunk.read(row, params, start);
        tuples.push(`(${logColumns.map((_, column) => `$${start + column + 1}`).join(', ')})`);
        if (tuples.length === rowsPerStatement) await send();
      }
    }
    await send();
  };
  return {
    async migrate() {
      const client = await pool.connect();
      try {
        // One gateway instance migrates at a time.
        await client.query('SELECT pg_advisory_lock(hashtext($1))', [table]);
        if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        await client.query(`CREATE TABLE IF NOT EXISTS ${table}_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`);
        const applied = new Set((await client.query<{ version: number }>(`SELECT version FROM ${table}_migrations`)).rows.map((row) => row.version));
        const statements = logMigrations(table).map((statement) => statement.replace(/INDEX IF NOT EXISTS \S+?_(time|trace) /, `INDEX IF NOT EXISTS ${indexPrefix}_$1 `));
        for (const [index, statement] of statements.entries()) {
          if (applied.has(index + 1)) continue;
          await client.query('BEGIN');
          await client.query(statement);
          await client.query(`INSERT INTO ${table}_migrations (version, applied_at) VALUES ($1, $2)`, [index + 1, Date.now()]);
          await client.query('COMMIT');
        }
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [table]).catch(() => {});
        client.release();
      }
    },
    insert(records) {
      return insertRows(logRowsOf(records));
    },
    insertRows,
    async query(query) {
      return pageLogRows(query, (index) => `$${index}`, async (where, params, direction, limit) => {
        const result = await pool.query(`SELECT * FROM ${table} ${where} ORDER BY time ${direction}, id ${direction} LIMIT $${params.length + 1}`, [...params, limit]);
        return result.rows as LogRow[];
      });
    },
    async deleteOlderThan(cutoff) {
      // SKIP LOCKED: instances sharing the table sweep at the same hour, and each takes rows the
      // others' slices have not, rather than queueing behind their row locks.
      const deleteSlice = async () => (await pool.query(`DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE time < $1 LIMIT ${rowsPerDelete} FOR UPDATE SKIP LOCKED)`, [cutoff])).rowCount ?? 0;
      return deleteInSlices(deleteSlice, rowsPerDelete);
    },
    async close() {
      await pool.end();
    },
  };
}
