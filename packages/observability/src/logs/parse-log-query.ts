import type { LogQuery } from './log-record.js';

/**
 * `GET /admin/logs` query string → a LogQuery. Throws a TypeError naming the parameter at fault
 * (the route answers 400 with it).
 */
export function parseLogQuery(search: string | URLSearchParams): LogQuery {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const query: LogQuery = {};
  const known = new Set(['trace_id', 'kind', 'provider', 'model', 'status', 'error_kind', 'errors', 'key_id', 'since', 'until', 'limit', 'cursor', 'order']);
  for (const name of params.keys()) if (!known.has(name)) throw new TypeError(`${name}: unknown filter (use ${[...known].join(', ')}).`);
  const text = (name: string) => params.get(name) ?? undefined;
  const integer = (name: string) => {
    const value = params.get(name);
    if (value === null) return undefined;
    if (!/^\d+$/.test(value)) throw new TypeError(`${name}: expected a whole number, got "${value}".`);
    return Number(value);
  };
  const time = (name: string) => {
    const value = params.get(name);
    if (value === null) return undefined;
    const parsed = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (!Number.isFinite(parsed)) throw new TypeError(`${name}: expected epoch milliseconds or an ISO date, got "${value}".`);
    return parsed;
  };
  const kind = text('kind');
  if (kind !== undefined && kind !== 'request' && kind !== 'attempt') throw new TypeError(`kind: expected "request" or "attempt", got "${kind}".`);
  const order = text('order');
  if (order !== undefined && order !== 'asc' && order !== 'desc') throw new TypeError(`order: expected "asc" or "desc", got "${order}".`);
  const errors = text('errors');
  if (errors !== undefined && errors !== 'true' && errors !== 'false') throw new TypeError(`errors: expected "true" or "false", got "${errors}".`);
  const assign = <K extends keyof LogQuery>(key: K, value: LogQuery[K] | undefined) => {
    if (value !== undefined) query[key] = value;
  };
  assign('traceId', text('trace_id'));
  assign('kind', kind as LogQuery['kind']);
  assign('provider', text('provider'));
  assign('model', text('model'));
  assign('status', integer('status'));
  assign('errorKind', text('error_kind'));
  assign('errorsOnly', errors === 'true' ? true : undefined);
  assign('keyId', text('key_id'));
  assign('since', time('since'));
  assign('until', time('until'));
  assign('limit', integer('limit'));
  assign('cursor', text('cursor'));
  assign('order', order as LogQuery['order']);
  return query;
}
