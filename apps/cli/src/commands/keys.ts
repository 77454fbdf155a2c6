import { CliError } from '../cli-io.js';
import type { Command } from '../command.js';
import { paint } from '../paint.js';
import { parseCommandArgs, parsePositiveInteger } from '../parse-command-args.js';
import { renderTable } from '../render-table.js';

const help = `Usage: switchyard keys <create|list|get|update|rotate|revoke> [ID] [options]

Manages a running gateway's keys through its admin API (/admin/keys). A new or rotated key is
printed once: the gateway keeps only its hash.

Options:
  -u, --url URL            the gateway (default $SWITCHYARD_URL or http://127.0.0.1:8787)
      --admin-key KEY      an admin key of the gateway (default $SWITCHYARD_ADMIN_KEY)
      --name NAME          a label for people
      --team ID            the team the key belongs to (its limits and budgets apply too)
      --org ID             the organisation
      --models LIST        allowed models, comma-separated, * as wildcard (gpt-4o*,@anthropic/*)
      --providers LIST     allowed provider entries, comma-separated
      --default-config ID  the routing config used when a request names none
      --expires-at TIME    ISO date-time after which the key stops working
      --rpm N              requests per minute
      --tpm N              tokens per minute (input + output)
      --concurrency N      requests in flight at once
      --budget SPEC        a hard USD budget, repeatable: NAME=USD/PERIOD[@TIMEZONE]
                           PERIOD is day, week, month (calendar) or a window like 24h, 7d
      --soft-budget SPEC   the same, but only alerts
      --body JSON          any other fields of the admin API, merged under the flags
      --json               print the answer as JSON
  -h, --help               this help

Examples:
  switchyard keys create --name search --team search --rpm 600 --tpm 200000 --budget monthly=500/month@Europe/Paris
  switchyard keys list
  switchyard keys update key_0a1b2c --models 'gpt-4o*,@anthropic/*'
  switchyard keys rotate key_0a1b2c
  switchyard keys revoke key_0a1b2c
`;

type KeyView = { id: string; name?: string; prefix: string; teamId?: string; orgId?: string; revokedAt?: string; expiresAt?: string; key?: string; limits?: Record<string, unknown> };

export const keysCommand: Command = {
  name: 'keys',
  summary: 'Create, list, rotate and revoke gateway keys (admin API)',
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      'keys',
      argv,
      {
        url: { type: 'string', short: 'u' },
        'admin-key': { type: 'string' },
        name: { type: 'string' },
        team: { type: 'string' },
        org: { type: 'string' },
        models: { type: 'string' },
        providers: { type: 'string' },
        'default-config': { type: 'string' },
        'expires-at': { type: 'string' },
        rpm: { type: 'string' },
        tpm: { type: 'string' },
        concurrency: { type: 'string' },
        budget: { type: 'string', multiple: true },
        'soft-budget': { type: 'string', multiple: true },
        body: { type: 'string' },
        json: { type: 'boolean' },
      },
      true,
    );
    const [action, id, ...extra] = positionals;
    if (extra.length > 0) throw new CliError(`Unexpected argument "${extra[0]}". Run \`switchyard keys --help\` for usage.`, 2);
    const base = (values.url ?? io.env.SWITCHYARD_URL ?? 'http://127.0.0.1:8787').replace(/\/+$/, '').replace(/\/v1$/, '');
    const adminKey = values['admin-key'] ?? io.env.SWITCHYARD_ADMIN_KEY;
    if (!adminKey) throw new CliError('An admin key is needed: --admin-key or $SWITCHYARD_ADMIN_KEY.', 2);
    const needId = () => {
      if (!id) throw new CliError(`keys ${action} needs the key id. Run \`switchyard keys list\` to see them.`, 2);
      return encodeURIComponent(id);
    };
    let method: string;
    let path: string;
    let body: Record<string, unknown> | undefined;
    switch (action) {
      case 'create':
        [method, path, body] = ['POST', '/admin/keys', keyBody(values)];
        break;
      case 'list':
        [method, path] = ['GET', '/admin/keys'];
        break;
      case 'get':
        [method, path] = ['GET', `/admin/keys/${needId()}`];
        break;
      case 'update':
        [method, path, body] = ['PATCH', `/admin/keys/${needId()}`, keyBody(values)];
        break;
      case 'rotate':
        [method, path] = ['POST', `/admin/keys/${needId()}/rotate`];
        break;
      case 'revoke':
        [method, path] = ['DELETE', `/admin/keys/${needId()}`];
        break;
      default:
        throw new CliError(`keys needs an action: create, list, get, update, rotate or revoke${action ? ` (not "${action}")` : ''}.`, 2);
    }
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers: { 'x-switchyard-admin-key': adminKey, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      throw new CliError(`Could not reach the gateway at ${base}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
    }
    const answer = (await response.json().catch(() => ({}))) as { error?: { message?: string }; data?: KeyView[] } & KeyView;
    if (!response.ok) throw new CliError(`The gateway answered ${response.status}: ${answer.error?.message ?? response.statusText}`);
    if (values.json) {
      io.out(`${JSON.stringify(answer, null, 2)}\n`);
      return 0;
    }
    const colors = paint(io);
    const rows = action === 'list' ? answer.data ?? [] : [answer];
    io.out(
      renderTable(
        ['ID', 'NAME', 'PREFIX', 'TEAM', 'ORG', 'STATE'],
        rows.map((key) => [colors.bold(key.id), key.name ?? '', `${key.prefix}…`, key.teamId ?? '', key.orgId ?? '', key.revokedAt ? 'revoked' : key.expiresAt && Date.parse(key.expiresAt) <= Date.now() ? 'expired' : 'active']),
      ),
    );
    if (answer.key) io.out(`\n${colors.bold('Key:')} ${answer.key}\n${colors.dim('Shown once: the gateway keeps only its hash. Store it now.')}\n`);
    return 0;
  },
};

function keyBody(values: Record<string, string | boolean | string[] | undefined>): Record<string, unknown> {
  let body: Record<string, unknown> = {};
  if (typeof values.body === 'string') {
    try {
      body = JSON.parse(values.body) as Record<string, unknown>;
    } catch {
      throw new CliError('--body is not valid JSON.', 2);
    }
  }
  const text = (flag: string) => (typeof values[flag] === 'string' ? (values[flag] as string) : undefined);
  const list = (flag: string) => text(flag)?.split(',').map((item) => item.trim()).filter(Boolean);
  const set = (field: string, value: unknown) => {
    if (value !== undefined) body[field] = value;
  };
  set('name', text('name'));
  set('teamId', text('team'));
  set('orgId', text('org'));
  set('allowedModels', list('models'));
  set('allowedProviders', list('providers'));
  set('defaultConfig', text('default-config'));
  set('expiresAt', text('expires-at'));
  const limits = { ...(body.limits as Record<string, unknown> | undefined) };
  const limit = (flag: string, field: string) => {
    const value = parsePositiveInteger(flag, text(flag), 0);
    if (value !== undefined) limits[field] = value;
  };
  limit('rpm', 'requestsPerMinute');
  limit('tpm', 'tokensPerMinute');
  limit('concurrency', 'concurrentRequests');
  if (Object.keys(limits).length > 0) body.limits = limits;
  const budgets = [
    ...((values.budget as string[] | undefined) ?? []).map((spec) => parseBudget(spec, false)),
    ...((values['soft-budget'] as string[] | undefined) ?? []).map((spec) => parseBudget(spec, true)),
  ];
  if (budgets.length > 0) body.budgets = [...((body.budgets as unknown[] | undefined) ?? []), ...budgets];
  return body;
}

/** `monthly=500/month@Europe/Paris`, `burst=5/24h`. */
function parseBudget(spec: string, soft: boolean): Record<string, unknown> {
  const match = /^([^=]+)=(\d+(?:\.\d+)?)\/([^@]+)(?:@(.+))?$/.exec(spec);
  if (!match) throw new CliError(`--${soft ? 'soft-budget' : 'budget'} "${spec}" is not NAME=USD/PERIOD[@TIMEZONE] (e.g. monthly=500/month@Europe/Paris, daily=5/24h)`, 2);
  const [, name, usd, span, timezone] = match;
  const calendar = ['day', 'week', 'month'].includes(span!);
  return { name, usd: Number(usd), ...(calendar ? { period: span } : { window: span }), ...(timezone ? { timezone } : {}), ...(soft ? { soft } : {}) };
}
