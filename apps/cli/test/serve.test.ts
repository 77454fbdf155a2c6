import OpenAI from 'openai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exited, runCli, spawnCli, waitForOutput } from './run-cli-process.js';

describe('switchyard serve', () => {
  it('serves the gateway to the openai SDK, logs each request, and stops gracefully on SIGTERM', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'switchyard-serve-'));
    const child = spawnCli(['serve', '--port', '0'], { cwd });
    let logs = '';
    child.stdout!.on('data', (chunk) => (logs += chunk));
    const [, url] = await waitForOutput(child, /"url":"(http:\/\/127\.0\.0\.1:\d+)"/);
    try {
      const client = new OpenAI({ baseURL: `${url}/v1`, apiKey: 'unused', maxRetries: 0 });
      const completion = await client.chat.completions.create({ model: '@mock/echo-1', messages: [{ role: 'user', content: 'served' }] });
      expect(completion.choices[0]!.message.content).toBe('echo: served');
      const chat = await runCli(['chat', '--url', url!, '-f', 'responses', 'remote'], {});
      expect(chat).toMatchObject({ code: 0, stdout: 'echo: remote\n' });
      const models = await runCli(['models', '--url', url!, '--json']);
      expect(JSON.parse(models.stdout).map((model: { id: string }) => model.id)).toContain('@mock/echo-1');
      await expect.poll(() => logs, { timeout: 10_000 }).toMatch(/"path":"\/v1\/responses"/);
      expect(logs).toMatch(/"path":"\/v1\/chat\/completions".*"status":200/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited(child)).toBe(0);
    expect(logs).toContain('shutting down');
  }, 60_000);

  it('runs several workers on one port with --workers and stops them all on SIGTERM', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'switchyard-workers-'));
    const child = spawnCli(['serve', '--port', '0', '--workers', '2', '--config', 'none.yaml'], { cwd });
    const refused = await runCli(['serve', '--config', join(cwd, 'none.yaml')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Cannot read config file .*none\.yaml: ENOENT/);
    expect(await exited(child)).toBe(2);

    const cluster = spawnCli(['serve', '--port', '0', '--workers', '2'], { cwd });
    const [, url] = await waitForOutput(cluster, /2 workers on (http:\/\/[^\s]+)/, 30_000);
    try {
      const client = new OpenAI({ baseURL: `${url}/v1`, apiKey: 'unused', maxRetries: 0 });
      const answers = await Promise.all([1, 2, 3, 4].map((n) => client.chat.completions.create({ model: '@mock/echo-1', messages: [{ role: 'user', content: `n${n}` }] })));
      expect(answers.map((answer) => answer.choices[0]!.message.content)).toEqual(['echo: n1', 'echo: n2', 'echo: n3', 'echo: n4']);
    } finally {
      cluster.kill('SIGTERM');
    }
    expect(await exited(cluster)).toBe(0);
  }, 60_000);
});
