import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingUpstream } from './recording-upstream.js';
import { runCli } from './run-cli-process.js';

describe('switchyard models, providers, doctor, bench', () => {
  let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;
  beforeAll(async () => (upstream = await startRecordingUpstream()));
  afterAll(() => upstream.close());

  it('models lists the catalog with config metadata and aliases, as a table or JSON', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'switchyard-models-'));
    writeFileSync(join(cwd, 'switchyard.yaml'), 'aliases:\n  quick: "@mock/echo-1"\nproviders:\n  team:\n    adapter: openai\n    models:\n      gpt-team:\n        contextWindow: 128000\n        prices: { input: 2.5, output: 10 }\n');
    const json = await runCli(['models', '--json'], { cwd });
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout);
    expect(rows).toContainEqual({ id: '@team/gpt-team', owned_by: 'openai', provider: 'team', context_window: 128000, pricing: { input: 2.5, output: 10 } });
    expect(rows).toContainEqual({ id: 'quick', owned_by: 'alias', alias_of: '@mock/echo-1' });
    const table = await runCli(['models', '--provider', 'team'], { cwd });
    expect(table.stdout).toMatch(/^MODEL\s+PROVIDER\s+ADAPTER\s+CONTEXT\s+IN \$\/M\s+OUT \$\/M\n/);
    expect(table.stdout).toMatch(/@team\/gpt-4o\s+team\s+openai\n/);
    expect(table.stdout).toMatch(/@team\/gpt-team\s+team\s+openai\s+128,000\s+\$2\.5\s+\$10\n/);
  });

  it('providers shows the capability matrix and which keys are set', async () => {
    const run = await runCli(['providers'], { env: { ANTHROPIC_API_KEY: 'sk-ant-x' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^anthropic\s+anthropic\s+set\s+✓\s+✓/m);
    expect(run.stdout).toMatch(/^openai\s+openai\s+no \(OPENAI_API_KEY\)/m);
    expect(run.stdout).toMatch(/^mock\s+mock\s+not needed\s+✓/m);
    const json = JSON.parse((await runCli(['providers', '--json'])).stdout);
    expect(json.find((row: { provider: string }) => row.provider === 'mock').chat.streaming).toBe(true);
  });

  it('doctor passes with no keys at all, saying so', async () => {
    const run = await runCli(['doctor']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no provider has credentials');
    expect(run.stdout).toMatch(/no credentials: openai \(OPENAI_API_KEY\), anthropic \(ANTHROPIC_API_KEY\)/);
    expect(run.stdout).toContain('All checks passed.');
  });

  it('doctor calls each keyed provider once and says what to fix', async () => {
    upstream.received.length = 0;
    const good = await runCli(['doctor'], { env: { OPENAI_API_KEY: 'good-key', OPENAI_BASE_URL: upstream.url } });
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/✓ openai: reachable, key accepted \(HTTP 200/);
    expect(upstream.received).toMatchObject([{ method: 'GET', path: '/v1/models', headers: { authorization: 'Bearer good-key' } }]);

    const bad = await runCli(['doctor'], { env: { OPENAI_API_KEY: 'wrong-key', OPENAI_BASE_URL: upstream.url, DATABASE_URL: 'postgres://u:p@127.0.0.1:9/db' } });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/✗ openai: key rejected \(HTTP 401/);
    expect(bad.stdout).toMatch(/✗ PostgreSQL at postgres:\/\/127\.0\.0\.1:9: ECONNREFUSED/);
    expect(bad.stdout).toMatch(/To fix:\n  - openai: check OPENAI_API_KEY: the provider refused it\n  - PostgreSQL: start it or correct its URL/);
    expect(bad.stdout).not.toContain('u:p');
  });

  it('bench load-tests an in-process gateway against the mock and prints RPS and percentiles', async () => {
    const run = await runCli(['bench', '--duration', '1', '--connections', '2', '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.requests).toBeGreaterThan(10);
    expect(summary.rps).toBeGreaterThan(0);
    expect(summary.latencyMs.p99).toBeGreaterThanOrEqual(summary.latencyMs.p50);
    expect(summary.errors + summary.non2xx).toBe(0);
    const port = await closedPort();
    const unreachable = await runCli(['bench', '--url', `http://127.0.0.1:${port}`, '-d', '1']);
    expect(unreachable).toMatchObject({ code: 1, stderr: `error: Cannot reach the gateway at http://127.0.0.1:${port}/v1: ECONNREFUSED\n` });
  });
});

/** A loopback port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
