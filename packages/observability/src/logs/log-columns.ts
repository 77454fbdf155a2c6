import type { LogRecord } from './log-record.js';
import { soleAttemptRecord } from './sole-attempt.js';

/** The columns both SQL stores keep, in order, with how each maps to a record field. */
export const logColumns = [
  'id', 'kind', 'trace_id', 'time', 'method', 'path', 'format', 'provider', 'model_requested', 'model_answered',
  'status', 'error_kind', 'error_message', 'attempt_index', 'retries', 'attempts', 'cache_status', 'stream',
  'first_byte_ms', 'total_ms', 'upstream_ms', 'overhead_ms', 'tokens_input', 'tokens_output', 'tokens_cached_input',
  'tokens_cache_write', 'tokens_reasoning', 'cost_usd', 'price_version', 'warnings', 'metadata', 'key_id',
  'incomplete', 'request_body', 'response_body', 'guardrails',
  // A request's sole attempt, kept in the request's row (sole-attempt.ts); NULL otherwise.
  'attempt_provider', 'attempt_model', 'attempt_status', 'attempt_error_kind', 'attempt_error_message', 'attempt_retries',
  'attempt_total_ms',
] as const;

export type LogRow = Record<(typeof logColumns)[number], unknown>;

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
const bool = (value: boolean | undefined) => (value === undefined ? null : value ? 1 : 0);

/**
 * Writes a record's column values, in `logColumns` order, into `values` from `offset` on (the
 * queued rows of log-row-chunk.ts are made this way). `soleAttempt` is the request's sole attempt
 * when `isSoleAttemptOf` says the row can hold it too.
 */
export function fillRow(values: unknown[], offset: number, record: LogRecord, soleAttempt?: LogRecord): void {
  const tokens = record.tokens;
  let at = offset;
  values[at++] = record.id;
  values[at++] = record.kind;
  values[at++] = record.traceId;
  values[at++] = record.time;
  values[at++] = record.method;
  values[at++] = record.path;
  values[at++] = record.format ?? null;
  values[at++] = record.provider ?? null;
  values[at++] = record.modelRequested ?? null;
  values[at++] = record.modelAnswered ?? null;
  values[at++] = record.status;
  values[at++] = record.errorKind ?? null;
  values[at++] = record.errorMessage ?? null;
  values[at++] = record.attemptIndex ?? null;
  values[at++] = record.retries ?? null;
  values[at++] = record.attempts ?? null;
  values[at++] = record.cacheStatus ?? null;
  values[at++] = bool(record.stream);
  values[at++] = record.firstByteMs ?? null;
  values[at++] = record.totalMs;
  values[at++] = record.upstreamMs ?? null;
  values[at++] = record.overheadMs ?? null;
  values[at++] = tokens?.input ?? null;
  values[at++] = tokens?.output ?? null;
  values[at++] = tokens?.cachedInput ?? null;
  values[at++] = tokens?.cacheWrite ?? null;
  values[at++] = tokens?.reasoning ?? null;
  values[at++] = record.costUsd ?? null;
  values[at++] = record.priceVersion ?? null;
  values[at++] = json(record.warnings);
  values[at++] = json(record.metadata);
  values[at++] = record.keyId ?? null;
  values[at++] = bool(record.incomplete);
  values[at++] = record.requestBody ?? null;
  values[at++] = record.responseBody ?? null;
  values[at++] = json(record.guardrails);
  values[at++] = soleAttempt ? (soleAttempt.provider ?? null) : null;
  values[at++] = soleAttempt ? (soleAttempt.modelRequested ?? null) : null;
  values[at++] = soleAttempt ? soleAttempt.status : null;
  values[at++] = soleAttempt ? (soleAttempt.errorKind ?? null) : null;
  values[at++] = soleAttempt ? (soleAttempt.errorMessage ?? null) : null;
  values[at++] = soleAttempt ? (soleAttempt.retries ?? null) : null;
  values[at++] = soleAttempt ? soleAttempt.totalMs : null;
}

const number = (value: unknown) => (value === null || value === undefined ? undefined : Number(value));
const text = (value: unknown) => (value === null || value === undefined ? undefined : String(value));

/** A row's records in the log's order (`asc`) or reversed: its record, then the sole attempt kept with it. */
export function rowToRecords(row: LogRow, order: 'asc' | 'desc'): LogRecord[] {
  const record = rowToRecord(row);
  if (row.attempt_total_ms === null || row.attempt_total_ms === undefined) return [record];
  const attempt = soleAttemptRecord(record, {
    provider: text(row.attempt_provider),
    modelRequested: text(row.attempt_model),
    status: Number(row.attempt_status),
    errorKind: text(row.attempt_error_kind),
    errorMessage: text(row.attempt_error_message),
    retries: number(row.attempt_retries),
    totalMs: Number(row.attempt_total_ms),
  });
  return order === 'asc' ? [record, attempt] : [attempt, record];
}

export function rowToRecord(row: LogRow): LogRecord {
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
