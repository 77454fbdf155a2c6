import { type LogRow, fillRow, logColumns, rowToRecords } from './log-columns.js';
import type { LogRecord } from './log-record.js';

const width = logColumns.length;
// Each row is filled here first (fillRow's order and conversions), then split into the chunk.
const scratch: unknown[] = new Array(width).fill(null);

/**
 * Up to `capacity` log rows (a request's record, with its sole attempt when it had one, or an
 * attempt's own record), in the columns of `logColumns`, held compactly while they wait for their
 * batch to be written.
 *
 * Why not the records themselves: a record waits up to a second for its batch, long enough for the
 * young generation to be collected a dozen times, so V8 copied every record twice and promoted it
 * to the old generation (about 650 bytes a request with the request log on, half of everything
 * the gateway promoted), where only a full collection frees it. Here a row's numbers go into a
 * Float64Array outside the JS heap and its texts into an array that lives as long as the chunk:
 * what a request leaves behind is only the few strings of its own (id, trace id, model answered).
 * The record objects are dropped as soon as they are copied, while still young.
 */
export class LogRowChunk {
  rows = 0;
  /** Records the rows hold: two in a row that keeps a sole attempt. */
  records = 0;
  private readonly numbers: Float64Array;
  private readonly isNumber: Uint8Array;
  // Strings and nulls; a number's slot holds null and its value is in `numbers`.
  private readonly texts: unknown[];

  constructor(readonly capacity: number) {
    this.numbers = new Float64Array(capacity * width);
    this.isNumber = new Uint8Array(capacity * width);
    this.texts = new Array(capacity * width).fill(null);
  }

  /** Whether the next row must go into a new chunk: no room left, or `recordLimit` records held. */
  isFull(recordLimit: number): boolean {
    return this.rows >= this.capacity || this.records >= recordLimit;
  }

  /**
   * Adds `record`'s row; `soleAttempt` is its request's sole attempt when `isSoleAttemptOf` says the
   * row can keep it. Throws, adding nothing, when a field cannot be made into JSON (a BigInt, a cycle).
   */
  add(record: LogRecord, soleAttempt?: LogRecord): void {
    try {
      fillRow(scratch, 0, record, soleAttempt);
    } catch (error) {
      // The columns filled before the failing one must not stay in the shared row (bodies can be 64 KiB).
      scratch.fill(null);
      throw error;
    }
    const { numbers, isNumber, texts } = this;
    const start = this.rows * width;
    for (let column = 0; column < width; column += 1) {
      const value = scratch[column];
      const at = start + column;
      if (typeof value === 'number') {
        numbers[at] = value;
        isNumber[at] = 1;
        texts[at] = null;
      } else {
        isNumber[at] = 0;
        texts[at] = value;
      }
      scratch[column] = null;
    }
    this.rows += 1;
    this.records += soleAttempt ? 2 : 1;
  }

  /** Copies row `row`'s values, in `logColumns` order, into `into` from `offset` on. */
  read(row: number, into: unknown[], offset: number): void {
    const { numbers, isNumber, texts } = this;
    const start = row * width;
    for (let column = 0; column < width; column += 1) {
      const at = start + column;
      into[offset + column] = isNumber[at] === 1 ? numbers[at] : texts[at];
    }
  }

  /** The records again, in order (for a store that takes records rather than rows). */
  toRecords(): LogRecord[] {
    const records: LogRecord[] = [];
    const values: unknown[] = new Array(width);
    for (let row = 0; row < this.rows; row += 1) {
      this.read(row, values, 0);
      const named = {} as Record<string, unknown>;
      for (let column = 0; column < width; column += 1) named[logColumns[column]!] = values[column];
      records.push(...rowToRecords(named as LogRow, 'asc'));
    }
    return records;
  }

  /** Empties the chunk for reuse, letting go of its strings (bodies can be 64 KiB each). */
  clear(): void {
    this.texts.fill(null, 0, this.rows * width);
    this.rows = 0;
    this.records = 0;
  }
}
