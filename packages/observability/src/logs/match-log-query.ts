import { type LogQuery, type LogRecord, decodeCursor } from './log-record.js';

/** Where a page starts: the record the previous page ended on. */
export interface LogPosition {
  time: number;
  id: string;
}

/** The log's order: by time, then by id (ids are unique, so the order is total). */
export function isBefore(a: LogPosition, b: LogPosition): boolean {
  return a.time < b.time || (a.time === b.time && a.id < b.id);
}

/** The query's cursor as a position; a TypeError names the field when it is not one this log gave out. */
export function cursorPosition(query: LogQuery): LogPosition | undefined {
  if (query.cursor === undefined) return undefined;
  const position = decodeCursor(query.cursor);
  if (!position) throw new TypeError('cursor: not a cursor this log gave out.');
  return position;
}

/**
 * Whether a record belongs to a query's answer. The memory store filters with it; the SQL stores
 * filter rows in SQL and then records with it, since one row can hold two records.
 */
export function matchesLogQuery(record: LogRecord, query: LogQuery, position: LogPosition | undefined): boolean {
  return (
    (query.traceId === undefined || record.traceId === query.traceId) &&
    (query.kind === undefined || record.kind === query.kind) &&
    (query.provider === undefined || record.provider === query.provider) &&
    (query.model === undefined || record.modelRequested === query.model || record.modelAnswered === query.model) &&
    (query.status === undefined || record.status === query.status) &&
    (query.errorKind === undefined || record.errorKind === query.errorKind) &&
    (!query.errorsOnly || record.errorKind !== undefined) &&
    (query.keyId === undefined || record.keyId === query.keyId) &&
    (query.since === undefined || record.time >= query.since) &&
    (query.until === undefined || record.time <= query.until) &&
    (!position || (query.order === 'asc' ? isBefore(position, record) : isBefore(record, position)))
  );
}
