import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exited, runCli, spawnCli, waitForOutput } from './run-cli-process.js';

describe('switchyard logs', () => {
  it('reads the request log of a running gateway, filtered, as a table or JSON lines', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'switchyard-logs-'));
    writeFileSync(join(cwd, 'switchyard.yaml'), 'adminKeys: ["admin-key-0123456789abcdef"]\nlogs:\n  store: memory\n');
    const server = spawnCli(['serve', '--port', '0'], { cwd });
    try {
      const [, url] = await waitForOutput(server, /"url":"(http:\/\/127\.0\.0\.1:\d+)"/);
      const ask = (traceId: string, model: string) =>
        fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-switchyard-trace-id': traceId }, body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }) });
      expect((await ask('cli-trace-1', 'mock-model')).status).toBe(200);
      expect((await ask('cli-trace-2', 'mock-model')).status).toBe(200);
      const env = { SWITCHYARD_ADMIN_KEY: 'admin-key-0123456789abcdef' };

      const json = await runCli(['logs', '--url', url!, '--json'], { env });
      expect(json.stderr).toBe('');
      const records = json.stdout.trim().split('\n').map((line) => JSON.parse(line) as { traceId: string; status: number; kind: string });
      expect(records.map((record) => record.traceId)).toEqual(['cli-trace-1', 'cli-trace-2']);
      expect(records.every((record) => record.status === 200 && record.kind === 'request')).toBe(true);

      const one = await runCli(['logs', '--url', url!, '--trace-id', 'cli-trace-2'], { env });
      expect(one.stdout).toMatch(/^TIME\s+TRACE\s+PATH\s+PROVIDER\s+MODEL\s+STATUS\s+MS\s+OVERHEAD\s+TOKENS\s+COST\n/);
      expect(one.stdout).toContain('cli-trac');
      expect(one.stdout.trim().split('\n').filter((line) => line.includes('/v1/chat/completions'))).toHaveLength(2); // request + its attempt

      const badSince = await runCli(['logs', '--url', url!, '--since', 'yesterday-ish'], { env });
      expect(badSince.code).toBe(2);
      expect(badSince.stderr).toMatch(/--since must be an ISO time/);
      const noKey = await runCli(['logs', '--url', url!]);
      expect(noKey.code).toBe(2);
    } finally {
      server.kill('SIGTERM');
      await exited(server);
    }
  });
});

describe('switchyard prices convert', () => {
  it("converts a LiteLLM-shaped price file into the gateway's schema", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'switchyard-prices-'));
    // A small file in LiteLLM's shape, written for this test.
    writeFileSync(
      join(cwd, 'litellm.json'),
      JSON.stringify({
        sample_spec: { litellm_provider: 'openai', mode: 'chat' },
        'example-model': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: 1.5e-6, output_cost_per_token: 6e-6, cache_read_input_token_cost: 1.5e-7 },
        'groq/example-llama': { litellm_provider: 'groq', mode: 'chat', input_cost_per_token: 5e-8, output_cost_per_token: 8e-8 },
      }),
    );
    const result = await runCli(['prices', 'convert', 'litellm.json', '-o', 'prices.json', '--effective-date', '2026-01-15', '--providers', 'openai'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/1 prices converted/);
    const written = JSON.parse(readFileSync(join(cwd, 'prices.json'), 'utf8')) as { prices: unknown[] };
    expect(written.prices).toEqual([{ provider: 'openai', model: 'example-model', input: 1.5, output: 6, cachedInput: 0.15, effectiveDate: '2026-01-15', source: join(cwd, 'litellm.json') }]);

    const missing = await runCli(['prices', 'convert', 'nope.json'], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read nope\.json/);
  });
});
