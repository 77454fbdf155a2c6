import type pg from 'pg';
import type { GatewayKeyRecord, SpendEntry } from './access-types.js';
import type { KeyStore } from './key-store.js';

/** Applied in order, once each; the applied count is kept in access_migrations. */
const migrations = [
  `CREATE TABLE access_keys (id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, data JSONB NOT NULL);
   CREATE TABLE access_spend (
     key_id TEXT NOT NULL, team_id TEXT, org_id TEXT, trace_id TEXT NOT NULL, provider TEXT, model TEXT,
     input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL, cost_usd DOUBLE PRECISION NOT NULL, at TIMESTAMPTZ NOT NULL);
   CREATE INDEX access_spend_key_at ON access_spend (key_id, at);`,
];

export interface PostgresKeyStoreOptions {
  url: string;
  /** A schema of its own (created when missing), so several gateways or test runs can share a database. */
  schema?: string;
}

/** Keys and the spend ledger in PostgreSQL: what several gateway instances share. */
export async function createPostgresKeyStore(options: PostgresKeyStoreOptions): Promise<KeyStore> {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/i.test(schema)) throw new Error(`access.schema "${schema}" is not a plain SQL identifier`);
  // Loaded on first use: a gateway without PostgreSQL never pays for the driver.
  const { default: pgDriver } = await import('pg');
  const pool = new pgDriver.Pool({ connectionString: options.url, max: 5, options: `-c search_path=${schema}` });
  await migrate(pool, schema);
  const parse = (rows: { data: GatewayKeyRecord }[]) => rows[0]?.data;
  return {
    async insert(record) {
      await pool.query('INSERT INTO access_keys (id, hash, data) VALUES ($1, $2, $3)', [record.id, record.hash, record]);
    },
    async findByHash(hash) {
      return parse((await pool.query('SELECT data FROM access_keys WHERE hash = $1', [hash])).rows);
    },
    async get(id) {
      return parse((await pool.query('SELECT data FROM access_keys WHERE id = $1', [id])).rows);
    },
    async list() {
      return (await pool.query('SELECT data FROM access_keys ORDER BY id')).rows.map((row) => row.data as GatewayKeyRecord);
    },
    async update(record) {
      const result = await pool.query('UPDATE access_keys SET hash = $2, data = $3 WHERE id = $1', [record.id, record.hash, record]);
      return (result.rowCount ?? 0) > 0;
    },
    async recordSpend(entry: SpendEntry) {
      await pool.query(
        'INSERT INTO access_spend (key_id, team_id, org_id, trace_id, provider, model, input_tokens, output_tokens, cost_usd, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
        [entry.keyId, entry.teamId ?? null, entry.orgId ?? null, entry.traceId, entry.provider ?? null, entry.model ?? null, entry.inputTokens, entry.outputTokens, entry.costUsd, entry.at],
      );
    },
    async spendSince(keyId, since) {
      const result = await pool.query('SELECT COALESCE(SUM(cost_usd), 0) AS total FROM access_spend WHERE key_id = $1 AND at >= $2', [keyId, since]);
      return Number(result.rows[0].total);
    },
    async close() {
      await pool.end();
    },
  };
}

async function migrate(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    // An advisory lock makes instances that start together apply each migration once.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`switchyard-access:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS access_migrations (applied INTEGER NOT NULL)');
    const row = (await client.query('SELECT applied FROM access_migrations')).rows[0] as { applied: number } | undefined;
    let applied = row?.applied ?? 0;
    if (!row) await client.query('INSERT INTO access_migrations (applied) VALUES (0)');
    for (; applied < migrations.length; applied++) {
      await client.query('BEGIN');
      await client.query(migrations[applied]!);
      await client.query('UPDATE access_migrations SET applied = $1', [applied + 1]);
      await client.query('COMMIT');
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`switchyard-access:${schema}`]).catch(() => {});
    client.release();
  }
}
