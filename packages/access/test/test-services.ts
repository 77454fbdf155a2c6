import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

// Real Redis and PostgreSQL: the SWITCHYARD_TEST_* URLs, else the local ones. Tests skip (saying
// why) only when nothing listens at the address; any other failure fails them.
export const redisUrl = process.env.SWITCHYARD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const postgresUrl = process.env.SWITCHYARD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why the server at `url` cannot be reached, or undefined when something listens there. */
export async function unreachable(url: string): Promise<string | undefined> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(`nothing answered at ${hostname}:${port} within 1s`);
    });
    socket.once('error', (error) => resolve(`${hostname}:${port}: ${error.message}`));
  });
}

/** A name no other run uses: Redis key prefixes and PostgreSQL schemas. */
export function uniqueName(kind: string): string {
  return `switchyard_test_${kind}_${randomBytes(5).toString('hex')}`;
}
