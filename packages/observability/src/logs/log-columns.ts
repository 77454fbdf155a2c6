import type { LogQuery, LogRecord } from './log-record.js';
import { decodeCursor } from './log-record.js';

/** The columns both SQL stores keep, in order, with how each maps to a record field. */
export const logColumns = [
  'id', 'kind', 'trace_id', 'time', 'method', 'path', 'format', 'provider', 'model_requested', 'model_answered',
  'status', 'error_kind', 'error_message', 'attempt_index', 'retries', 'attempts', 'cache_status', 'stream',
  'first_byte_ms', 'total_ms', 'upstream_ms', 'overhead_ms', 'tokens_input', 'tokens_output', 'tokens_cached_input',
  'tokens_cache_write', 'tokens_reasoning', 'cost_usd', 'price_version', 'warnings', 'metadata', 'key_id',
  'incomplete', 'request_body', 'response_body', 'guardrails',
] as const;

type Row = Record<(typeof logColumns)[number], unknown>;

export function recordToRow(record: LogRecord): unknown[] {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  const bool = (value: boolean | undefined) => (value === undefined ? null : value ? 1 : 0);
  return [
    record.id, record.kind, record.traceId, record.time, record.method, record.path, record.format ?? null, record.provider ?? null,
    record.modelRequested ?? null, record.modelAnswered ?? null, record.status, record.errorKind ?? null, record.errorMessage ?? null,
    record.attemptIndex ?? null, record.retries ?? null, record.attempts ?? null, record.cacheStatus ?? null, bool(record.stream),
    record.firstByteMs ?? null, record.totalMs, record.upstreamMs ?? null, record.overheadMs ?? null, record.tokens?.input ?? null,
    record.tokens?.output ?? null, record.tokens?.cachedInput ?? null, record.tokens?.cacheWrite ?? null, record.tokens?.reasoning ?? null,
    record.costUsd ?? null, record.priceVersion ?? null, json(record.warnings), json(record.metadata), record.keyId ?? null,
    bool(record.incomplete), record.requestBody ?? null, record.responseBody ?? null, json(record.guardrails),
  ];
}

export function rowToRecord(row: Row): LogRecord {
  const number = (value: unknown) => (value === null || value === undefined ? undefined : Number(value));
  const text = (value: unknown) => (value === null || value === undefined ? undefined : String(value));
  const record: LogRecord = {
    id: String(row.id),
    kind: row.kind as LogRecord['kind'],
    traceId: String(row.trace_id),
    time: Number(row.time),
    method: String(row.method),
    path: String(row.path),
    status: Number(row.status),
    totalMs: Number(row.total_ms),
  };
  const optional: Partial<LogRecord> = {
    format: text(row.format),
    provider: text(row.provider),
    modelRequested: text(row.model_requested),
    modelAnswered: text(row.model_answered),
    errorKind: text(row.error_kind),
    errorMessage: text(row.error_message),
    attemptIndex: number(row.attempt_index),
    retries: number(row.retries),
    attempts: number(row.attempts),
    cacheStatus: text(row.cache_status),
    stream: row.stream === null || row.stream === undefined ? undefined : Boolean(Number(row.stream)),
    firstByteMs: number(row.first_byte_ms),
    upstreamMs: number(row.upstream_ms),
    overheadMs: number(row.overhead_ms),
    costUsd: number(row.cost_usd),
    priceVersion: text(row.price_version),
    warnings: row.warnings ? (JSON.parse(String(row.warnings)) as unknown[]) : undefined,
    metadata: row.metadata ? (JSON.parse(String(row.metadata)) as Record<string, string>) : undefined,
    keyId: text(row.key_id),
    incomplete: row.incomplete === null || row.incomplete === undefined ? undefined : Boolean(Number(row.incomplete)),
    requestBody: text(row.request_body),
    responseBody: text(row.response_body),
    guardrails: row.guardrails ? (JSON.parse(String(row.guardrails)) as unknown[]) : undefined,
  };
  const tokens = {
    input: number(row.tokens_input),
    output: number(row.tokens_output),
    cachedInput: number(row.tokens_cached_input),
    cacheWrite: number(row.tokens_cache_write),
    reasoning: number(row.tokens_reasoning),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (record as unknown as Record<string, unknown>)[key] = value;
  const presentTokens = Object.fromEntries(Object.entries(tokens).filter(([, value]) => value !== undefined));
  if (Object.keys(presentTokens).length > 0) record.tokens = presentTokens;
  return record;
}

/**
 * The WHERE clause and parameters of a query, with placeholders made by `placeholder(n)`
 * (`?` for SQLite, `$n` for PostgreSQL).
 */
export function buildWhere(query: LogQuery, placeholder: (index: number) => string): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    let text = sql;
    for (const value of values) {
      params.push(value);
      text = text.replace('?', placeholder(params.length));
    }
    clauses.push(text);
  };
  if (query.traceId !== undefined) add('trace_id = ?', query.traceId);
  if (query.kind !== undefined) add('kind = ?', query.kind);
  if (query.provider !== undefined) add('provider = ?', query.provider);
  if (query.model !== undefined) add('(model_requested = ? OR model_answered = ?)', query.model, query.model);
  if (query.status !== undefined) add('status = ?', query.status);
  if (query.errorKind !== undefined) add('error_kind = ?', query.errorKind);
  if (query.errorsOnly) clauses.push('error_kind IS NOT NULL');
  if (query.keyId !== undefined) add('key_id = ?', query.keyId);
  if (query.since !== undefined) add('time >= ?', query.since);
  if (query.until !== undefined) add('time <= ?', query.until);
  if (query.cursor !== undefined) {
    const position = decodeCursor(query.cursor);
    if (!position) throw new TypeError('cursor: not a cursor this log gave out.');
    if (query.order === 'asc') add('(time > ? OR (time = ? AND id > ?))', position.time, position.time, position.id);
    else add('(time < ? OR (time = ? AND id < ?))', position.time, position.time, position.id);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
