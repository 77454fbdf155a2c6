import { setTimeout as sleep } from 'node:timers/promises';
import { CliError } from '../cli-io.js';
import type { Command } from '../command.js';
import { parseCommandArgs, parsePositiveInteger } from '../parse-command-args.js';
import { renderTable } from '../render-table.js';

const help = `Usage: switchyard logs [options]

Reads a running gateway's request log through its admin API (GET /admin/logs): one record per
request and one per upstream attempt, newest first, with tokens, cost and the gateway's overhead.

Options:
  -u, --url URL          the gateway (default $SWITCHYARD_URL or http://127.0.0.1:8787)
      --admin-key KEY    an admin key of the gateway (default $SWITCHYARD_ADMIN_KEY)
      --trace-id ID      one request: its record and its attempts
      --provider SLUG    only this provider entry
      --model MODEL      requested or answered model
      --status CODE      only this HTTP status
      --errors           only failed requests
      --attempts         list attempt records instead of request records
      --since TIME       ISO time, epoch ms, or an age like 15m, 2h, 7d
  -n, --limit N          records per page (default 20)
  -f, --follow           keep printing new records as they are written
      --interval MS      how often --follow asks (default 1000)
      --json             one JSON record per line
  -h, --help             this help

Examples:
  switchyard logs --errors --since 1h
  switchyard logs --trace-id 5b1c… --attempts
  switchyard logs -f --json | jq .costUsd
`;

interface LogRecordView {
  id: string;
  kind: string;
  traceId: string;
  time: number;
  path: string;
  provider?: string;
  modelRequested?: string;
  modelAnswered?: string;
  status: number;
  errorKind?: string;
  attemptIndex?: number;
  totalMs: number;
  overheadMs?: number;
  tokens?: { input?: number; output?: number };
  costUsd?: number;
}

export const logsCommand: Command = {
  name: 'logs',
  summary: "Read or follow a gateway's request log: tokens, cost, latency (admin API)",
  help,
  async run(argv, io) {
    const { values } = parseCommandArgs('logs', argv, {
      url: { type: 'string', short: 'u' },
      'admin-key': { type: 'string' },
      'trace-id': { type: 'string' },
      provider: { type: 'string' },
      model: { type: 'string' },
      status: { type: 'string' },
      errors: { type: 'boolean' },
      attempts: { type: 'boolean' },
      since: { type: 'string' },
      limit: { type: 'string', short: 'n' },
      follow: { type: 'boolean', short: 'f' },
      interval: { type: 'string' },
      json: { type: 'boolean' },
    });
    const base = (values.url ?? io.env.SWITCHYARD_URL ?? 'http://127.0.0.1:8787').replace(/\/+$/, '').replace(/\/v1$/, '');
    const adminKey = values['admin-key'] ?? io.env.SWITCHYARD_ADMIN_KEY;
    if (!adminKey) throw new CliError('An admin key is needed: --admin-key or $SWITCHYARD_ADMIN_KEY.', 2);
    const limit = parsePositiveInteger('limit', values.limit) ?? 20;
    const interval = parsePositiveInteger('interval', values.interval, 50) ?? 1000;
    const filters = new URLSearchParams({ kind: values.attempts ? 'attempt' : 'request', limit: String(limit) });
    if (values['trace-id']) {
      filters.set('trace_id', values['trace-id']);
      filters.delete('kind');
    }
    if (values.provider) filters.set('provider', values.provider);
    if (values.model) filters.set('model', values.model);
    if (values.status) filters.set('status', String(parsePositiveInteger('status', values.status, 100)));
    if (values.errors) filters.set('errors', 'true');
    const since = values.since === undefined ? (values.follow ? Date.now() : undefined) : parseSince(values.since);
    if (since !== undefined) filters.set('since', String(since));

    const fetchPage = async (query: URLSearchParams) => {
      let response: Response;
      try {
        response = await fetch(`${base}/admin/logs?${query}`, { headers: { 'x-switchyard-admin-key': adminKey } });
      } catch (error) {
        throw new CliError(`Cannot reach the gateway at ${base}: ${(error as Error).message}`);
      }
      const body = (await response.json().catch(() => ({}))) as { records?: LogRecordView[]; nextCursor?: string; error?: { message?: string } };
      if (!response.ok) throw new CliError(`The gateway answered ${response.status}: ${body.error?.message ?? 'no message'}`);
      return { records: body.records ?? [], nextCursor: body.nextCursor };
    };
    const print = (records: LogRecordView[], header: boolean) => {
      if (values.json) {
        for (const record of records) io.out(`${JSON.stringify(record)}\n`);
        return;
      }
      if (records.length === 0) return;
      const rows = records.map((record) => [
        new Date(record.time).toISOString(),
        record.kind === 'attempt' ? `${record.traceId.slice(0, 8)}#${record.attemptIndex}` : record.traceId.slice(0, 8),
        record.path,
        record.provider ?? '-',
        record.modelAnswered ?? record.modelRequested ?? '-',
        record.errorKind ? `${record.status} ${record.errorKind}` : String(record.status),
        `${record.totalMs.toFixed(0)}`,
        record.overheadMs === undefined ? '-' : record.overheadMs.toFixed(2),
        record.tokens ? `${record.tokens.input ?? 0}/${record.tokens.output ?? 0}` : '-',
        record.costUsd === undefined ? '-' : `$${record.costUsd.toFixed(6)}`,
      ]);
      const table = renderTable(['TIME', 'TRACE', 'PATH', 'PROVIDER', 'MODEL', 'STATUS', 'MS', 'OVERHEAD', 'TOKENS', 'COST'], rows);
      io.out(header ? table : table.split('\n').slice(1).join('\n'));
    };

    if (!values.follow) {
      const page = await fetchPage(filters);
      // Newest first from the API; printed oldest first, like a log.
      print(page.records.reverse(), true);
      if (!values.json && page.nextCursor) io.err(`(more: --since an earlier time, or raise --limit)\n`);
      return 0;
    }
    // Follow: read forward from `since`, one page after another, then wait for more.
    filters.set('order', 'asc');
    let first = true;
    for (;;) {
      const page = await fetchPage(filters);
      print(page.records, first);
      if (page.records.length > 0) first = false;
      if (page.nextCursor) filters.set('cursor', page.nextCursor);
      if (page.records.length < limit) await sleep(interval);
    }
  },
};

function parseSince(value: string): number {
  const age = /^(\d+)(s|m|h|d)$/.exec(value);
  if (age) return Date.now() - Number(age[1]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[age[2] as 's' | 'm' | 'h' | 'd'];
  const time = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(time)) throw new CliError(`--since must be an ISO time, epoch ms or an age like 15m, got "${value}"`, 2);
  return time;
}
