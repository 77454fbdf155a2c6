import { type LogRow, rowToRecords } from './log-columns.js';
import { type LogPage, type LogQuery, type LogRecord, clampLimit, encodeCursor } from './log-record.js';
import { type LogPosition, cursorPosition, matchesLogQuery } from './match-log-query.js';
import { rowIdOf } from './sole-attempt.js';

/** Reads rows matching `where` (its placeholders bound to `params`), in the order asked, at most `limit`. */
export type FetchLogRows = (where: string, params: unknown[], direction: 'ASC' | 'DESC', limit: number) => Promise<LogRow[]>;

/**
 * A page of the log from a SQL store. A row holds a record and, for most requests, the record of
 * their sole attempt (sole-attempt.ts): SQL picks the rows holding a matching record, and the
 * records are matched again one by one. A row can hold fewer matching records than the page needs
 * (the row the cursor points into), so rows are read until the page has one record more than it
 * shows, or none are left.
 */
export async function pageLogRows(query: LogQuery, placeholder: (index: number) => string, fetchRows: FetchLogRows): Promise<LogPage> {
  const limit = clampLimit(query.limit);
  const position = cursorPosition(query);
  const order = query.order === 'asc' ? 'asc' : 'desc';
  const rowsPerRead = limit + 2;
  const records: LogRecord[] = [];
  let after: LogPosition | undefined;
  for (;;) {
    const { where, params } = buildRowWhere(query, position, after, placeholder);
    const rows = await fetchRows(where, params, order === 'asc' ? 'ASC' : 'DESC', rowsPerRead);
    for (const row of rows) {
      for (const record of rowToRecords(row, order)) if (matchesLogQuery(record, query, position)) records.push(record);
    }
    if (records.length > limit || rows.length < rowsPerRead) break;
    const last = rows.at(-1)!;
    after = { time: Number(last.time), id: String(last.id) };
  }
  const page = records.slice(0, limit);
  const last = page.at(-1);
  return records.length > limit && last ? { records: page, nextCursor: encodeCursor(last) } : { records: page, ...(order === 'asc' && last ? { nextCursor: encodeCursor(last) } : {}) };
}

/**
 * The WHERE clause of the rows that hold a record matching the query: by the row's own columns,
 * or by its sole attempt's. `position` is the query's cursor (a record, maybe one kept in another
 * record's row); `after` the last row already read. Placeholders come from `placeholder(n)`
 * (`?` for SQLite, `$n` for PostgreSQL).
 */
export function buildRowWhere(query: LogQuery, position: LogPosition | undefined, after: LogPosition | undefined, placeholder: (index: number) => string): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return placeholder(params.length);
  };
  const asc = query.order === 'asc';
  // What a row's records have in common.
  const clauses: string[] = [];
  if (query.traceId !== undefined) clauses.push(`trace_id = ${bind(query.traceId)}`);
  if (query.keyId !== undefined) clauses.push(`key_id = ${bind(query.keyId)}`);
  if (query.since !== undefined) clauses.push(`time >= ${bind(query.since)}`);
  if (query.until !== undefined) clauses.push(`time <= ${bind(query.until)}`);
  if (position) {
    // The row holding the cursor's record is read again: its other record may come after the cursor.
    if (asc) clauses.push(`(time > ${bind(position.time)} OR (time = ${bind(position.time)} AND id >= ${bind(rowIdOf(position.id))}))`);
    else clauses.push(`(time < ${bind(position.time)} OR (time = ${bind(position.time)} AND id <= ${bind(position.id)}))`);
  }
  if (after) clauses.push(`(time ${asc ? '>' : '<'} ${bind(after.time)} OR (time = ${bind(after.time)} AND id ${asc ? '>' : '<'} ${bind(after.id)}))`);

  // The row's own record.
  const own: string[] = [];
  if (query.kind !== undefined) own.push(`kind = ${bind(query.kind)}`);
  if (query.provider !== undefined) own.push(`provider = ${bind(query.provider)}`);
  if (query.model !== undefined) own.push(`(model_requested = ${bind(query.model)} OR model_answered = ${bind(query.model)})`);
  if (query.status !== undefined) own.push(`status = ${bind(query.status)}`);
  if (query.errorKind !== undefined) own.push(`error_kind = ${bind(query.errorKind)}`);
  if (query.errorsOnly) own.push('error_kind IS NOT NULL');
  if (query.kind === 'request' || own.length === 0) {
    // Without filters of its own every row matches by its own record.
    clauses.push(...own);
  } else {
    // The sole attempt kept in a request's row: an attempt record with the attempt_* columns, and the request's answer when it won.
    const attempt = ['attempt_total_ms IS NOT NULL'];
    if (query.provider !== undefined) attempt.push(`attempt_provider = ${bind(query.provider)}`);
    if (query.model !== undefined) attempt.push(`(attempt_model = ${bind(query.model)} OR (attempt_error_kind IS NULL AND model_answered = ${bind(query.model)}))`);
    if (query.status !== undefined) attempt.push(`attempt_status = ${bind(query.status)}`);
    if (query.errorKind !== undefined) attempt.push(`attempt_error_kind = ${bind(query.errorKind)}`);
    if (query.errorsOnly) attempt.push('attempt_error_kind IS NOT NULL');
    clauses.push(`((${own.join(' AND ')}) OR (${attempt.join(' AND ')}))`);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
