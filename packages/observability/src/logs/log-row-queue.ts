import type { LogRecord } from './log-record.js';
import { LogRowChunk } from './log-row-chunk.js';
import { isSoleAttemptOf } from './sole-attempt.js';

/**
 * Log rows in chunks, oldest first, the last one filling (log-row-chunk.ts says why rows rather
 * than records). A chunk is full at `chunkRecords` records (one more when its last row keeps a
 * request with its sole attempt); written chunks come back through `recycle`, and a few are kept
 * for reuse.
 */
export class LogRowQueue {
  /** Records waiting, over all chunks. */
  records = 0;
  private readonly chunks: LogRowChunk[] = [];
  private filling: LogRowChunk | undefined;
  private readonly spare: LogRowChunk[] = [];

  constructor(private readonly chunkRecords = 256) {}

  /**
   * Adds the first `count` of `records` (one request's records, in `toLogRecords` order) as rows:
   * a request and its sole attempt share one, as the SQL stores keep them. Answers how many
   * records could not be made into rows (a field JSON cannot hold); those are left out.
   */
  append(records: readonly LogRecord[], count = records.length): number {
    let refused = 0;
    for (let index = 0; index < count; index += 1) {
      const record = records[index]!;
      const next = index + 1 < count ? records[index + 1] : undefined;
      const soleAttempt = isSoleAttemptOf(record, next) ? next : undefined;
      if (soleAttempt) index += 1;
      if (!this.filling || this.filling.isFull(this.chunkRecords)) {
        // Room for a row per record: rows of an attempt each (a fallback chain) fill it as well.
        this.filling = this.spare.pop() ?? new LogRowChunk(this.chunkRecords);
        this.chunks.push(this.filling);
      }
      const held = soleAttempt ? 2 : 1;
      try {
        this.filling.add(record, soleAttempt);
        this.records += held;
      } catch {
        refused += held;
      }
    }
    return refused;
  }

  /** Takes chunks from the front until they hold `records` records or more (or all there are). */
  take(records: number): LogRowChunk[] {
    const taken: LogRowChunk[] = [];
    let held = 0;
    while (this.chunks.length > 0 && held < records) {
      const chunk = this.chunks.shift()!;
      if (chunk === this.filling) this.filling = undefined;
      taken.push(chunk);
      held += chunk.records;
    }
    this.records -= held;
    return taken;
  }

  /** Chunks whose rows were written (or failed): emptied, and a few kept for the next rows. */
  recycle(chunks: readonly LogRowChunk[]): void {
    for (const chunk of chunks) {
      chunk.clear();
      if (this.spare.length < maxSpare) this.spare.push(chunk);
    }
  }
}

// A batch of a thousand records takes four chunks; the next batch fills while one is written.
const maxSpare = 4;

/**
 * `records` as rows, in chunks (the SQL stores' `insert` writes records this way too). Throws when
 * a record cannot be made into a row: a caller of `insert` learns its batch was not written whole.
 */
export function logRowsOf(records: readonly LogRecord[]): LogRowChunk[] {
  const queue = new LogRowQueue();
  const refused = queue.append(records);
  if (refused > 0) throw new TypeError(`${refused} log record(s) had a field that could not be written as JSON`);
  return queue.take(Number.POSITIVE_INFINITY);
}
