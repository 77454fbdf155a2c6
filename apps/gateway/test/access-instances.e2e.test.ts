import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type OpenAIMock, startOpenAIMock } from '@switchyard/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnGatewayProcess } from './gateway-process.js';

// Two gateway processes sharing one PostgreSQL (keys, ledger) and one Redis (counters) must
// enforce one limit between them: what each admits counts against the other. Real servers only;
// skipped, saying why, when nothing listens at their address.
const redisUrl = process.env.SWITCHYARD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const postgresUrl = process.env.SWITCHYARD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const down = (await unreachable(redisUrl)) ?? (await unreachable(postgresUrl));
if (down) console.warn(`Skipping the multi-instance access tests: ${down}`);

// The gateway app has no pg dependency of its own; the access package (which stores the keys) does.
type PgClient = { connect(): Promise<void>; query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>; end(): Promise<void> };
const pg = createRequire(resolve(import.meta.dirname, '../../../packages/access/package.json'))('pg') as { Client: new (options: { connectionString: string }) => PgClient };

const adminKey = 'admin-key-0123456789abcdef';
const providerKey = 'sk-provider-secret';
const run = randomBytes(5).toString('hex');
const schema = `switchyard_test_access_${run}`;

describe.skipIf(down !== undefined)('access control across two gateway instances', () => {
  let upstream: OpenAIMock;
  let directory: string;
  const children: ChildProcess[] = [];
  let urls: string[] = [];

  beforeAll(async () => {
    upstream = await startOpenAIMock({ apiKey: providerKey, words: 50 });
    directory = mkdtempSync(join(tmpdir(), 'switchyard-access-instances-'));
    const configPath = join(directory, 'gateway.json');
    writeFileSync(
      configPath,
      JSON.stringify({
        adminKeys: [adminKey],
        access: { store: 'postgres', url: postgresUrl, schema, pepper: 'pepper-0123456789abcdef', redis: { url: redisUrl, keyPrefix: `switchyard_test_${run}:` } },
        responses: { store: 'memory' },
        files: { store: 'memory' },
        // The two instances' own log file, not the default one in apps/gateway that the suite's other gateways write to.
        logs: { store: 'sqlite', path: join(directory, 'logs.db') },
        providers: { openai: { adapter: 'openai', apiKey: providerKey, baseURL: `${upstream.url}/v1`, models: { 'gpt-4o-mini': { prices: { input: 100, output: 100 } } } } },
      }),
    );
    urls = await Promise.all([spawnGatewayProcess(children, { args: ['--config', configPath] }).listening, spawnGatewayProcess(children, { args: ['--config', configPath] }).listening]);
  }, 60_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await upstream?.close();
    if (directory) rmSync(directory, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  const createKey = async (body: unknown, via = 0) => {
    const response = await fetch(`${urls[via]}/admin/keys`, { method: 'POST', headers: { 'x-switchyard-admin-key': adminKey }, body: JSON.stringify(body) });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; key: string };
  };
  const chat = async (key: string, instance: number, maxTokens = 60) => {
    const response = await fetch(`${urls[instance % 2]}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: '@openai/gpt-4o-mini', max_tokens: maxTokens, messages: [{ role: 'user', content: 'hi there' }] }),
    });
    const body = (await response.json()) as { usage?: { total_tokens: number }; error?: { message: string } };
    return { status: response.status, body };
  };

  it('admits exactly one RPM limit across both instances under a concurrent burst', async () => {
    await awayFromMinuteEdge();
    const { key } = await createKey({ limits: { requestsPerMinute: 10 } });
    const before = upstream.received.length;
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => chat(key, i)));
    const admitted = results.filter((result) => result.status === 200);
    expect(admitted).toHaveLength(10);
    expect(results.filter((result) => result.status === 429)).toHaveLength(20);
    expect(upstream.received.length - before).toBe(10);
  });

  it('keeps the tokens admitted by both instances within one TPM limit, settling each reservation on the real usage', async () => {
    await awayFromMinuteEdge();
    const limit = 2_000;
    const { key } = await createKey({ limits: { tokensPerMinute: limit } });
    let used = 0;
    let perRequest = 0;
    let refusal: { status: number; body: { error?: { message: string } } } | undefined;
    for (let i = 0; i < 100 && !refusal; i++) {
      const result = await chat(key, i);
      if (result.status === 200) {
        perRequest = result.body.usage!.total_tokens;
        used += perRequest;
      } else refusal = result;
    }
    expect(refusal?.status).toBe(429);
    expect(refusal?.body.error?.message).toMatch(/2000 tokens per minute/);
    // Within the limit, yet close to it: unused reservations went back to the shared counter
    // (without settling, each request would hold its full reservation of input estimate + 60).
    expect(used).toBeLessThanOrEqual(limit);
    expect(perRequest).toBe(52); // "hi there" (2) + a 50-word answer
    expect(used).toBeGreaterThan(limit - 4 * 100);
  });

  it('stops spend at a hard budget shared by both instances, the ledger in PostgreSQL staying under the cap', async () => {
    // $100 per million tokens both ways: 52 tokens cost $0.0052; the cap allows a handful.
    const cap = 0.05;
    const { id, key } = await createKey({ budgets: [{ name: 'team-cap', usd: cap, window: '1h' }] });
    let refused: { status: number; body: { error?: { message: string } } } | undefined;
    for (let round = 0; round < 10 && !refused; round++) {
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => chat(key, i)));
      refused = results.find((result) => result.status !== 200);
    }
    expect(refused?.status).toBe(429);
    expect(refused?.body.error?.message).toMatch(/budget "team-cap"/);
    const spent = await waitForStableSpend(id);
    expect(spent).toBeLessThanOrEqual(cap);
    expect(spent).toBeGreaterThan(cap - 3 * 0.0112); // at most a few reservations' worth left unspent
  });

  it('revokes a key on both instances within a second', async () => {
    const { id, key } = await createKey({}, 0);
    for (const url of urls) expect((await fetch(`${url}/v1/models`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    const revoke = await fetch(`${urls[0]}/admin/keys/${id}`, { method: 'DELETE', headers: { 'x-switchyard-admin-key': adminKey } });
    expect(revoke.status).toBe(200);
    const revokedAt = Date.now();
    const delays = await Promise.all(
      urls.map(async (url) => {
        for (;;) {
          const response = await fetch(`${url}/v1/models`, { headers: { authorization: `Bearer ${key}` } });
          if (response.status === 401) return Date.now() - revokedAt;
          await new Promise((done) => setTimeout(done, 25));
        }
      }),
    );
    for (const delay of delays) expect(delay).toBeLessThan(1_000);
  });
});

/** A sliding minute window weighs the previous minute less as the new one goes on; tests that count a minute's admissions start well inside one. */
async function awayFromMinuteEdge(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await new Promise((done) => setTimeout(done, 60_000 - intoMinute + 200));
}

async function waitForStableSpend(keyId: string): Promise<number> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    let last = -1;
    for (;;) {
      const { rows } = await client.query(`SELECT COALESCE(SUM(cost_usd), 0) AS total FROM ${schema}.access_spend WHERE key_id = $1`, [keyId]);
      const total = Number(rows[0]!.total);
      if (total === last) return total;
      last = total;
      await new Promise((done) => setTimeout(done, 300));
    }
  } finally {
    await client.end();
  }
}

async function unreachable(url: string): Promise<string | undefined> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      done(undefined);
    });
    socket.once('timeout', () => {
      socket.destroy();
      done(`nothing answered at ${hostname}:${port}`);
    });
    socket.once('error', (error) => done(`${hostname}:${port}: ${error.message}`));
  });
}
