import { type LogRecord, type LogStore, clampLimit, encodeCursor } from './log-record.js';
import { cursorPosition, isBefore, matchesLogQuery } from './match-log-query.js';

/** Keeps the newest records in memory (tests, and gateways that only want `GET /admin/logs` briefly). */
export function createMemoryLogStore(options: { maxRecords?: number } = {}): LogStore {
  const maxRecords = options.maxRecords ?? 10_000;
  let records: LogRecord[] = [];
  const ids = new Set<string>();
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
      const position = cursorPosition(query);
      const matches = records
        .filter((record) => matchesLogQuery(record, query, position))
        .sort((a, b) => (isBefore(a, b) ? -1 : 1) * (query.order === 'asc' ? 1 : -1));
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
