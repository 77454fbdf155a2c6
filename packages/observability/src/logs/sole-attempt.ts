import type { LogRecord, LogTokens } from './log-record.js';

/**
 * Most requests make one upstream attempt, and that attempt's record repeats most of its
 * request's: the SQL stores keep the two in one row (the attempt's own fields in `attempt_*`
 * columns) and make the attempt record again when the row is read. A row is the dearest part of
 * the log to write; this halves the rows of a log of ordinary traffic.
 *
 * The attempt of a request record `id` is `id.0` (`toLogRecords` names attempts after their
 * request): one row's two records are next to each other in the log's order of time and id.
 */
export function attemptIdOf(requestId: string, attemptIndex: number): string {
  return `${requestId}.${attemptIndex}`;
}

/** The id of the row a record is kept in: the request's id for an attempt kept with it. */
export function rowIdOf(recordId: string): string {
  const dot = recordId.indexOf('.');
  return dot === -1 ? recordId : recordId.slice(0, dot);
}

/**
 * Whether `attempt` is the sole attempt of `request` and can be made again exactly from the
 * request and the attempt's own fields (provider, model, status, error, retries, duration).
 * Anything else (a second attempt, a field the row would lose) keeps it in a row of its own.
 */
export function isSoleAttemptOf(request: LogRecord, attempt: LogRecord | undefined): attempt is LogRecord {
  if (!attempt || request.kind !== 'request' || request.attempts !== 1 || attempt.kind !== 'attempt') return false;
  if (attempt.id !== attemptIdOf(request.id, 0) || attempt.attemptIndex !== 0) return false;
  const shared =
    attempt.traceId === request.traceId &&
    attempt.time === request.time &&
    attempt.method === request.method &&
    attempt.path === request.path &&
    attempt.format === request.format &&
    attempt.stream === request.stream &&
    attempt.keyId === request.keyId;
  // Fields only request records carry.
  const attemptOnly =
    attempt.attempts === undefined &&
    attempt.cacheStatus === undefined &&
    attempt.firstByteMs === undefined &&
    attempt.upstreamMs === undefined &&
    attempt.overheadMs === undefined &&
    attempt.warnings === undefined &&
    attempt.metadata === undefined &&
    attempt.incomplete === undefined &&
    attempt.guardrails === undefined &&
    attempt.requestBody === undefined &&
    attempt.responseBody === undefined;
  if (!shared || !attemptOnly) return false;
  // The attempt that answered carries the request's answer and cost; one that failed carries none.
  return attempt.errorKind === undefined
    ? attempt.modelAnswered === request.modelAnswered && sameTokens(attempt.tokens, request.tokens) && attempt.costUsd === request.costUsd && attempt.priceVersion === request.priceVersion
    : attempt.modelAnswered === undefined && attempt.tokens === undefined && attempt.costUsd === undefined && attempt.priceVersion === undefined;
}

/** The sole attempt's record, from its request's record and the fields it keeps of its own. */
export function soleAttemptRecord(request: LogRecord, own: SoleAttemptFields): LogRecord {
  const won = own.errorKind === undefined;
  const record: LogRecord = {
    id: attemptIdOf(request.id, 0),
    kind: 'attempt',
    traceId: request.traceId,
    time: request.time,
    method: request.method,
    path: request.path,
    status: own.status,
    attemptIndex: 0,
    totalMs: own.totalMs,
  };
  setIfDefined(record, 'format', request.format);
  setIfDefined(record, 'provider', own.provider);
  setIfDefined(record, 'modelRequested', own.modelRequested);
  setIfDefined(record, 'errorKind', own.errorKind);
  setIfDefined(record, 'errorMessage', own.errorMessage);
  setIfDefined(record, 'retries', own.retries);
  setIfDefined(record, 'stream', request.stream);
  setIfDefined(record, 'keyId', request.keyId);
  if (won) {
    setIfDefined(record, 'modelAnswered', request.modelAnswered);
    if (request.tokens) record.tokens = { ...request.tokens };
    setIfDefined(record, 'costUsd', request.costUsd);
    setIfDefined(record, 'priceVersion', request.priceVersion);
  }
  return record;
}

/** What a sole attempt keeps of its own in its request's row. */
export type SoleAttemptFields = Pick<LogRecord, 'provider' | 'modelRequested' | 'status' | 'errorKind' | 'errorMessage' | 'retries' | 'totalMs'>;

function sameTokens(a: LogTokens | undefined, b: LogTokens | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.input === b.input && a.output === b.output && a.cachedInput === b.cachedInput && a.cacheWrite === b.cacheWrite && a.reasoning === b.reasoning;
}

function setIfDefined<K extends keyof LogRecord>(record: LogRecord, key: K, value: LogRecord[K] | undefined): void {
  if (value !== undefined) record[key] = value;
}
