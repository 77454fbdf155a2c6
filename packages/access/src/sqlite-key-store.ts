import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { enterWalMode, waitForLocksOnTimers } from '@switchyard/core';
import Database from 'better-sqlite3';
import type { GatewayKeyRecord, SpendEntry } from './access-types.js';
import type { KeyStore } from './key-store.js';

// The whole record is kept as JSON beside the columns it is looked up by, so adding a field to a
// key needs no migration.
const schema = `
CREATE TABLE IF NOT EXISTS access_keys (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS access_spend (
  key_id TEXT NOT NULL,
  team_id TEXT,
  org_id TEXT,
  trace_id TEXT NOT NULL,
  provider TEXT,
  model TEXT,
  input_tokens INTEGER NOT NULL,
  output_tokens INTEGER NOT NULL,
  cost_usd REAL NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS access_spend_key_at ON access_spend (key_id, at);
`;

/** Keys and the spend ledger in one SQLite file: the default for a single gateway. */
export function createSqliteKeyStore(path: string): KeyStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // Several gateway processes (cluster workers, instances on one host) may share the file.
  db.pragma('busy_timeout = 5000');
  enterWalMode(db);
  // better-sqlite3's default page cache is 16 MB per connection; 2 MB keeps a growing store from creeping the RSS up.
  db.pragma('cache_size = -2000');
  db.exec(schema);
  const insert = db.prepare('INSERT INTO access_keys (id, hash, data) VALUES (?, ?, ?)');
  const byHash = db.prepare('SELECT data FROM access_keys WHERE hash = ?');
  const byId = db.prepare('SELECT data FROM access_keys WHERE id = ?');
  const all = db.prepare('SELECT data FROM access_keys ORDER BY id');
  const update = db.prepare('UPDATE access_keys SET hash = ?, data = ? WHERE id = ?');
  const spend = db.prepare(
    'INSERT INTO access_spend (key_id, team_id, org_id, trace_id, provider, model, input_tokens, output_tokens, cost_usd, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const spendSince = db.prepare('SELECT COALESCE(SUM(cost_usd), 0) AS total FROM access_spend WHERE key_id = ? AND at >= ?');
  const parse = (row: unknown) => (row ? (JSON.parse((row as { data: string }).data) as GatewayKeyRecord) : undefined);
  // Key lookups and spend run on the request path: waiting for another worker's write lock in
  // SQLite's busy handler would stop every request this process serves.
  const whenFree = waitForLocksOnTimers(db, 5000);
  return {
    async insert(record) {
      const data = JSON.stringify(record);
      await whenFree(() => insert.run(record.id, record.hash, data));
    },
    async findByHash(hash) {
      return parse(await whenFree(() => byHash.get(hash)));
    },
    async get(id) {
      return parse(await whenFree(() => byId.get(id)));
    },
    async list() {
      return (await whenFree(() => all.all())).map((row) => parse(row)!);
    },
    async update(record) {
      const data = JSON.stringify(record);
      return (await whenFree(() => update.run(record.hash, data, record.id))).changes > 0;
    },
    async recordSpend(entry: SpendEntry) {
      await whenFree(() => spend.run(entry.keyId, entry.teamId ?? null, entry.orgId ?? null, entry.traceId, entry.provider ?? null, entry.model ?? null, entry.inputTokens, entry.outputTokens, entry.costUsd, entry.at));
    },
    async spendSince(keyId, since) {
      return ((await whenFree(() => spendSince.get(keyId, since))) as { total: number }).total;
    },
    async close() {
      db.close();
    },
  };
}
