import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresResponseStore } from './postgres-response-store.js';
import { describeResponseStoreContract, storedResponse } from './response-store-contract.test-support.js';

// Runs against a real server: SWITCHYARD_TEST_POSTGRES_URL, else the local trust-auth one. Each
// run works in schemas of its own, dropped afterwards. Skipped (with the reason printed) only
// when nothing listens at the address; any other failure fails the tests.
const connectionString = process.env.SWITCHYARD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const unreachable = await probe(connectionString);
if (unreachable) console.warn(`Skipping the PostgreSQL response store tests: ${unreachable}`);

const run = `switchyard_test_${randomBytes(4).toString('hex')}`;
const schemas: string[] = [];
let schemaCount = 0;
function freshSchema(): string {
  const schema = `${run}_${++schemaCount}`;
  schemas.push(schema);
  return schema;
}

afterAll(async () => {
  if (unreachable || schemas.length === 0) return;
  const client = new pg.Client({ connectionString });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

describe.skipIf(unreachable !== undefined)('postgres response store', () => {
  describeResponseStoreContract('postgres', async () => ({ store: await createPostgresResponseStore({ connectionString, schema: freshSchema() }) }));

  it('shares state between two store instances on one database', async () => {
    const schema = freshSchema();
    const one = await createPostgresResponseStore({ connectionString, schema });
    const two = await createPostgresResponseStore({ connectionString, schema });
    await one.save(storedResponse('resp_shared'));
    expect(await two.get('resp_shared')).toEqual(storedResponse('resp_shared'));
    expect(await two.delete('resp_shared')).toBe(true);
    expect(await one.get('resp_shared')).toBeUndefined();
    await Promise.all([one.close(), two.close()]);
  });

  it('migrates once when several instances start at the same moment', async () => {
    const schema = freshSchema();
    const stores = await Promise.all(Array.from({ length: 6 }, () => createPostgresResponseStore({ connectionString, schema, maxConnections: 2 })));
    await stores[0]!.save(storedResponse('resp_after_race'));
    expect((await stores[5]!.get('resp_after_race'))?.id).toBe('resp_after_race');
    await Promise.all(stores.map((store) => store.close()));

    const client = new pg.Client({ connectionString });
    await client.connect();
    const applied = await client.query(`SELECT version, name FROM "${schema}".switchyard_migrations ORDER BY version`);
    const tables = await client.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'switchyard_responses' ORDER BY ordinal_position`, [schema]);
    await client.end();
    expect(applied.rows).toEqual([{ version: 1, name: 'responses' }]);
    expect(tables.rows).toEqual([
      { column_name: 'id', data_type: 'text' },
      { column_name: 'owner', data_type: 'text' },
      { column_name: 'created_at', data_type: 'timestamp with time zone' },
      { column_name: 'record', data_type: 'json' },
    ]);
  });

  it('sweeps past records another instance is deleting instead of waiting for its locks', async () => {
    const schema = freshSchema();
    const store = await createPostgresResponseStore({ connectionString, schema });
    const old = Date.UTC(2025, 0, 1);
    for (let index = 0; index < 10; index += 1) await store.save(storedResponse(`resp_old_${index}`, { createdAt: old + index }));
    // Another instance's sweep, mid-slice: three expired records locked by its open transaction.
    const other = new pg.Client({ connectionString });
    await other.connect();
    await other.query('BEGIN');
    await other.query(`DELETE FROM "${schema}".switchyard_responses WHERE id IN ('resp_old_0', 'resp_old_1', 'resp_old_2')`);
    try {
      const started = performance.now();
      const deleted = await Promise.race([store.deleteOlderThan(new Date(old + 1000)), new Promise<string>((resolve) => setTimeout(() => resolve('waited for the locks'), 3000))]);
      expect(deleted).toBe(7);
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      await other.query('COMMIT');
      await other.end();
    }
    expect(await store.get('resp_old_9')).toBeUndefined();
    expect(await store.deleteOlderThan(new Date(old + 1000))).toBe(0);
    await store.close();
  });

  it('treats ids as data, never as SQL', async () => {
    const store = await createPostgresResponseStore({ connectionString, schema: freshSchema() });
    const id = `resp_'); DROP TABLE switchyard_responses; --`;
    await store.save(storedResponse(id));
    expect((await store.get(id))?.id).toBe(id);
    await store.close();
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(createPostgresResponseStore({ connectionString, schema: 'bad"name' })).rejects.toThrow(/not a usable schema name/);
  });
});

/** Why the server cannot be reached (nothing listening, unknown host, timeout), or undefined when a TCP connection opens. */
function probe(url: string): Promise<string | undefined> {
  const { hostname, port } = new URL(url);
  const address = `${hostname}:${port || 5432}`;
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 5432) });
    const done = (reason: string | undefined) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(1500, () => done(`no answer from ${address} within 1.5 s`));
    socket.once('connect', () => done(undefined));
    socket.once('error', (error: NodeJS.ErrnoException) => done(`cannot connect to ${address} (${error.code ?? error.message})`));
  });
}
