import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import pg from 'pg';

// A real server: SWITCHYARD_TEST_POSTGRES_URL, else the local trust-auth one. Each run works in
// schemas of its own, dropped afterwards. Tests skip (printing why) only when nothing listens.
export const postgresUrl = process.env.SWITCHYARD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const run = `sy_obs_${randomBytes(4).toString('hex')}`;
const schemas: string[] = [];

export function freshSchema(): string {
  const schema = `${run}_${schemas.length + 1}`;
  schemas.push(schema);
  return schema;
}

export async function dropSchemas(): Promise<void> {
  if (schemas.length === 0) return;
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
}

/** Why PostgreSQL cannot be reached, or undefined when something listens at the address. */
export function probePostgres(url: string = postgresUrl): Promise<string | undefined> {
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
