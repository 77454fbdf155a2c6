import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { buildCatalog, bundledAdapters, type GatewayConfig, parseConfig, validateConfigText } from '@switchyard/gateway';
import type { CliIo } from '../cli-io.js';
import type { Command } from '../command.js';
import { credentialStatus, keyVariable } from '../credential-status.js';
import { createLiveStatus } from '../live-status.js';
import { paint } from '../paint.js';
import { parseCommandArgs, parsePositiveInteger } from '../parse-command-args.js';
import { probeProvider } from '../probe-provider.js';
import { pingPostgres, pingRedis } from '../probe-services.js';
import { loadCliConfig, resolveConfigPath } from '../resolve-config.js';

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check the config, provider keys and reachability, Redis and Postgres',
  help: `Usage: switchyard doctor [options]

Checks, in order: the config file; each provider that has credentials (from the environment
or the config), with one cheap call (its model list) that proves the network path and the
key; Redis and PostgreSQL when configured ($REDIS_URL, $DATABASE_URL, responses.store:
postgres) or asked for. Providers without a key are listed, not failed. Exits 1 if anything
needs fixing, and says what.

Options:
  -c, --config FILE     the gateway config (default $SWITCHYARD_CONFIG, else ./switchyard.yaml)
      --timeout MS      per check (default 5000)
      --redis URL       also check this Redis (default $REDIS_URL when set)
      --postgres URL    also check this PostgreSQL (default $DATABASE_URL or the config's)
  -h, --help            this help

Examples:
  switchyard doctor
  OPENAI_API_KEY=sk-... switchyard doctor --timeout 10000
  switchyard doctor --redis redis://127.0.0.1:6379
`,
  async run(argv, io) {
    const { values } = parseCommandArgs('doctor', argv, {
      config: { type: 'string', short: 'c' },
      timeout: { type: 'string' },
      redis: { type: 'string' },
      postgres: { type: 'string' },
    });
    const timeoutMs = parsePositiveInteger('timeout', values.timeout) ?? 5000;
    const colors = paint(io);
    const ok = (text: string) => `${colors.green('✓')} ${text}`;
    const bad = (text: string) => `${colors.red('✗')} ${text}`;
    const fixes: string[] = [];

    io.out(`${colors.bold('Config')}\n`);
    const path = resolveConfigPath(io, values.config);
    let config: GatewayConfig = parseConfig({}, {});
    if (!path) io.out(`${colors.dim('-')} no config file (defaults; \`switchyard config init\` writes one)\n`);
    else {
      const shown = relative(io.cwd, path) || path;
      let problems;
      try {
        problems = validateConfigText(readFileSync(path, 'utf8'), io.env, bundledAdapters().map((adapter) => adapter.id));
      } catch (error) {
        problems = [{ line: 0, column: 0, path: '(file)', message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }];
      }
      if (problems.length === 0) {
        io.out(`${ok(`${shown} is valid`)}\n`);
        config = loadCliConfig(io, path);
      } else {
        for (const problem of problems) io.out(`${bad(`${shown}:${problem.line}  ${problem.path}: ${problem.message}`)}\n`);
        fixes.push(`fix ${shown} (\`switchyard config validate ${shown}\`); the checks below use the defaults`);
      }
    }

    io.out(`\n${colors.bold('Providers')}\n`);
    const entries = buildCatalog(bundledAdapters(), config, io.env)
      .listEntries()
      .filter((entry) => !entry.adapter.local || entry.settings.baseURL || config.providers[entry.slug]);
    const withCredentials = entries.filter((entry) => credentialStatus(entry) === 'set' || (credentialStatus(entry) !== 'missing' && (entry.settings.baseURL || config.providers[entry.slug])));
    const without = entries.filter((entry) => !withCredentials.includes(entry) && credentialStatus(entry) === 'missing');
    if (withCredentials.length === 0) io.out(`${colors.dim('-')} no provider has credentials: only the built-in mock can answer (set e.g. OPENAI_API_KEY)\n`);
    const status = createLiveStatus({ ...io, out: io.out, err: io.out }, withCredentials.map((entry) => `${entry.slug}: calling its model list`));
    let failedProviders = 0;
    await Promise.all(
      withCredentials.map(async (entry, index) => {
        const result = await probeProvider(entry, timeoutMs);
        status.done(index, result.ok ? ok(`${entry.slug}: ${result.summary}`) : bad(`${entry.slug}: ${result.summary}`));
        if (!result.ok) {
          failedProviders++;
          fixes.push(`${entry.slug}: ${result.fix}`);
        }
      }),
    );
    status.stop();
    if (without.length > 0) {
      io.out(`${colors.dim('-')} no credentials: ${without.map((entry) => `${entry.slug} (${keyVariable(entry.adapter) ?? `providers.${entry.slug}.apiKey`})`).join(', ')}\n`);
    }

    const redisURL = values.redis ?? io.env.REDIS_URL;
    const postgresURL = values.postgres ?? (config.responses.store === 'postgres' ? config.responses.connectionString : undefined) ?? io.env.DATABASE_URL;
    if (redisURL || postgresURL) io.out(`\n${colors.bold('Services')}\n`);
    for (const [name, url, ping] of [
      ['Redis', redisURL, pingRedis],
      ['PostgreSQL', postgresURL, pingPostgres],
    ] as const) {
      if (!url) continue;
      const where = safeOrigin(url);
      try {
        io.out(`${ok(`${name} at ${where}: ${await ping(url, timeoutMs)}`)}\n`);
      } catch (error) {
        io.out(`${bad(`${name} at ${where}: ${(error as Error).message}`)}\n`);
        fixes.push(`${name}: start it or correct its URL (${where})`);
      }
    }

    if (fixes.length === 0) {
      io.out(`\n${colors.green('All checks passed.')}${failedProviders === 0 && withCredentials.length === 0 ? ' Add a provider key to go beyond the mock.' : ''}\n`);
      return 0;
    }
    io.out(`\n${colors.bold('To fix:')}\n${fixes.map((fix) => `  - ${fix}`).join('\n')}\n`);
    return 1;
  },
};

/** host:port of a URL, credentials left out. */
function safeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '(unparseable URL)';
  }
}
