import { type LogRecord, type LogStore, clampLimit, decodeCursor, encodeCursor } from './log-record.js';

/** Keeps the newest records in memory (tests, and gateways that only want `GET /admin/logs` briefly). */
export function createMemoryLogStore(options: { maxRecords?: number } = {}): LogStore {
  const maxRecords = options.maxRecords ?? 10_000;
  let records: LogRecord[] = [];
  const ids = new Set<string>();
  const before = (a: LogRecord, b: { time: number; id: string }) => a.time < b.time || (a.time === b.time && a.id < b.id);
  return {
    async migrate() {},
    async insert(batch) {
      // An id already held is ignored, as the SQL stores' primary key does.
      for (const record of batch) {
        if (ids.has(record.id)) continue;
        ids.add(record.id);
        records.push(structuredClone(record));
      }
      if (records.length > maxRecords) {
        for (const dropped of records.slice(0, records.length - maxRecords)) ids.delete(dropped.id);
        records = records.slice(records.length - maxRecords);
      }
    },
    async query(query) {
      const limit = clampLimit(query.limit);
      const position = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      if (query.cursor !== undefined && !position) throw new TypeError('cursor: not a cursor this log gave out.');
      const matches = records
        .filter(
          (record) =>
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
            (!position || (query.order === 'asc' ? before(position as LogRecord, record) : before(record, position))),
        )
        .sort((a, b) => (before(a, b) ? -1 : 1) * (query.order === 'asc' ? 1 : -1));
      const page = matches.slice(0, limit).map((record) => structuredClone(record));
      const last = page.at(-1);
      return matches.length > limit && last ? { records: page, nextCursor: encodeCursor(last) } : { records: page, ...(query.order === 'asc' && last ? { nextCursor: encodeCursor(last) } : {}) };
    },
    async deleteOlderThan(cutoff) {
      const kept = records.filter((record) => record.time >= cutoff);
      const removed = records.length - kept.length;
      for (const record of records) if (record.time < cutoff) ids.delete(record.id);
      records = kept;
      return removed;
    },
    async close() {},
  };
}
