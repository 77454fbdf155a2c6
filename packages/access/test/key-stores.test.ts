import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectWriteToWaitOnTimers, stopSqliteLockHolders } from '@switchyard/testkit';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { GatewayKeyRecord } from '../src/access-types.js';
import type { KeyStore } from '../src/key-store.js';
import { createMemoryKeyStore } from '../src/memory-key-store.js';
import { createPostgresKeyStore } from '../src/postgres-key-store.js';
import { createSqliteKeyStore } from '../src/sqlite-key-store.js';
import { postgresUrl, uniqueName, unreachable } from './test-services.js';

const postgresDown = await unreachable(postgresUrl);
if (postgresDown) console.warn(`Skipping the PostgreSQL key store tests: ${postgresDown}`);

const directory = mkdtempSync(join(tmpdir(), 'switchyard-access-'));
const schemas: string[] = [];
const opened: KeyStore[] = [];
afterAll(async () => {
  stopSqliteLockHolders();
  for (const store of opened) await store.close();
  rmSync(directory, { recursive: true, force: true });
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

const record = (id: string, hash: string): GatewayKeyRecord => ({
  id,
  hash,
  prefix: 'sy-abcdef',
  name: 'team a',
  teamId: 'team-a',
  orgId: 'acme',
  allowedModels: ['gpt-4o*'],
  limits: { requestsPerMinute: 10, models: { 'gpt-4o': { tokensPerMinute: 1000 } } },
  budgets: [{ name: 'monthly', usd: 50, period: 'month', timezone: 'Europe/Paris' }],
  metadata: { owner: 'ana' },
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
});

function contract(name: string, open: () => Promise<KeyStore>) {
  describe(`${name} key store`, () => {
    it('finds a key by its hash and by id, lists it and keeps every field', async () => {
      const store = await open();
      await store.insert(record('key_1', 'hash-1'));
      await store.insert(record('key_2', 'hash-2'));
      expect(await store.findByHash('hash-2')).toEqual(record('key_2', 'hash-2'));
      expect(await store.get('key_1')).toEqual(record('key_1', 'hash-1'));
      expect(await store.findByHash('nope')).toBeUndefined();
      expect((await store.list()).map((key) => key.id)).toEqual(['key_1', 'key_2']);
    });

    it('updates a key in place (rotation changes the hash, revocation sets revokedAt)', async () => {
      const store = await open();
      await store.insert(record('key_1', 'hash-1'));
      const rotated = { ...record('key_1', 'hash-new'), revokedAt: '2026-11-25T11:00:00.000Z' };
      expect(await store.update(rotated)).toBe(true);
      expect(await store.findByHash('hash-1')).toBeUndefined();
      expect(await store.findByHash('hash-new')).toEqual(rotated);
      expect(await store.update(record('key_missing', 'x'))).toBe(false);
    });

    it('keeps a spend ledger summed per key from a time on', async () => {
      const store = await open();
      const entry = { keyId: 'key_1', traceId: 't', inputTokens: 10, outputTokens: 5, costUsd: 0.25, at: '2026-11-25T10:00:00.000Z' };
      await store.recordSpend(entry);
      await store.recordSpend({ ...entry, costUsd: 0.5, at: '2026-11-25T12:00:00.000Z' });
      await store.recordSpend({ ...entry, keyId: 'key_2', costUsd: 9 });
      expect(await store.spendSince('key_1', '2026-11-25T00:00:00.000Z')).toBeCloseTo(0.75);
      expect(await store.spendSince('key_1', '2026-11-25T11:00:00.000Z')).toBeCloseTo(0.5);
    });
  });
}

contract('memory', async () => createMemoryKeyStore());
let sqliteCount = 0;
contract('sqlite', async () => {
  const store = createSqliteKeyStore(join(directory, `keys-${++sqliteCount}.db`));
  opened.push(store);
  return store;
});
describe('sqlite key store shared with another process (gateway workers)', () => {
  it('reads keys at once while another process writes, and records spend after its commit without stalling the event loop', async () => {
    const path = join(directory, 'shared-keys.db');
    const store = createSqliteKeyStore(path);
    opened.push(store);
    await store.insert(record('key_1', 'hash-1'));
    const entry = { keyId: 'key_1', traceId: 't', inputTokens: 10, outputTokens: 5, costUsd: 0.25, at: '2026-11-25T10:00:00.000Z' };
    let lookupMs = Number.NaN;
    await expectWriteToWaitOnTimers(path, async () => {
      // Lookups (every request's key check) go on while the other process holds the lock.
      const lookupStarted = performance.now();
      expect((await store.findByHash('hash-1'))?.id).toBe('key_1');
      lookupMs = performance.now() - lookupStarted;
      await store.recordSpend(entry);
    }, { resolveFrom: dirname(fileURLToPath(import.meta.url)) });
    expect(lookupMs).toBeLessThan(100);
    expect(await store.spendSince('key_1', '2026-11-25T00:00:00.000Z')).toBeCloseTo(0.25);
  });
});

describe.skipIf(postgresDown !== undefined)('postgres', () => {
  contract('postgres', async () => {
    const schema = uniqueName('keys');
    schemas.push(schema);
    const store = await createPostgresKeyStore({ url: postgresUrl, schema });
    opened.push(store);
    return store;
  });

  it('migrates once when two instances start together, and both see the same keys', async () => {
    const schema = uniqueName('keys');
    schemas.push(schema);
    const [one, two] = await Promise.all([createPostgresKeyStore({ url: postgresUrl, schema }), createPostgresKeyStore({ url: postgresUrl, schema })]);
    opened.push(one, two);
    await one.insert(record('key_1', 'hash-1'));
    expect(await two.findByHash('hash-1')).toEqual(record('key_1', 'hash-1'));
  });
});
