import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exited, runCli, spawnCli, waitForOutput } from './run-cli-process.js';

describe('switchyard keys', () => {
  it('creates, lists, rotates and revokes keys of a running gateway through its admin API', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'switchyard-keys-'));
    writeFileSync(join(cwd, 'switchyard.yaml'), 'adminKeys: ["admin-key-0123456789abcdef"]\naccess:\n  store: memory\n  pepper: pepper-0123456789abcdef\n');
    const server = spawnCli(['serve', '--port', '0'], { cwd });
    try {
      const [, url] = await waitForOutput(server, /"url":"(http:\/\/127\.0\.0\.1:\d+)"/);
      const env = { SWITCHYARD_ADMIN_KEY: 'admin-key-0123456789abcdef' };
      const created = await runCli(['keys', 'create', '--url', url!, '--name', 'search', '--team', 'search', '--rpm', '5', '--budget', 'monthly=20/month@Europe/Paris', '--json'], { env });
      expect(created.stderr).toBe('');
      const key = JSON.parse(created.stdout) as { id: string; key: string; limits: unknown; budgets: unknown };
      expect(key.key).toMatch(/^sy-gk-/);
      expect(key.limits).toEqual({ requestsPerMinute: 5 });
      expect(key.budgets).toEqual([{ name: 'monthly', usd: 20, period: 'month', timezone: 'Europe/Paris' }]);

      const ask = (apiKey: string) => fetch(`${url}/v1/models`, { headers: { authorization: `Bearer ${apiKey}` } }).then((response) => response.status);
      expect(await ask(key.key)).toBe(200);

      const list = await runCli(['keys', 'list', '--url', url!], { env });
      expect(list.stdout).toMatch(/^ID\s+NAME\s+PREFIX\s+TEAM\s+ORG\s+STATE\n/);
      expect(list.stdout).toMatch(new RegExp(`${key.id}\\s+search\\s+${key.key.slice(0, 12)}…\\s+search\\s+active`));
      expect(list.stdout).not.toContain(key.key);

      const rotated = await runCli(['keys', 'rotate', key.id, '--url', url!], { env });
      expect(rotated.stdout).toMatch(/Key: sy-gk-\S+\nShown once/);
      const fresh = /Key: (sy-gk-\S+)/.exec(rotated.stdout)![1]!;
      expect(await ask(key.key)).toBe(401);
      expect(await ask(fresh)).toBe(200);

      const revoked = await runCli(['keys', 'revoke', key.id, '--url', url!], { env });
      expect(revoked.stdout).toMatch(/revoked/);
      expect(await ask(fresh)).toBe(401);

      const wrong = await runCli(['keys', 'list', '--url', url!, '--admin-key', 'not-the-admin-key-000']);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/^error: The gateway answered 401: The admin key presented is not valid/);
      const badBudget = await runCli(['keys', 'create', '--url', url!, '--budget', 'lots'], { env });
      expect(badBudget.code).toBe(2);
      expect(badBudget.stderr).toMatch(/--budget "lots" is not NAME=USD\/PERIOD/);
    } finally {
      server.kill('SIGTERM');
      await exited(server);
    }
  });
});
