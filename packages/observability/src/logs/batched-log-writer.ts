import type { LogRecord, LogStore } from './log-record.js';
import { LogRowQueue } from './log-row-queue.js';

export interface BatchedLogWriterOptions {
  store: LogStore;
  /** Flush when this many records wait (default 1000). */
  batchSize?: number;
  /** Flush at least this often while records wait, in ms (default 1000). */
  flushIntervalMs?: number;
  /** Records held at most; beyond it new records are dropped and counted (default 10 000). */
  maxQueue?: number;
  /** Told about a failed write (the batch is dropped and counted; the gateway keeps serving). */
  onError?(error: unknown): void;
}

export interface BatchedLogWriter {
  /** Queues records; never waits and never throws. */
  write(records: readonly LogRecord[]): void;
  /** Writes what is queued now. */
  flush(): Promise<void>;
  /** Flushes and stops the timer (the store stays open). */
  close(): Promise<void>;
  stats(): { queued: number; written: number; dropped: number; failed: number };
}

/**
 * Takes log records off the request path: `write` only copies them into the queue's rows
 * (log-row-chunk.ts); a timer (or a full batch) hands the rows to the store. Under pressure it
 * drops rather than blocks or grows without bound.
 */
export function createBatchedLogWriter(options: BatchedLogWriterOptions): BatchedLogWriter {
  const batchSize = options.batchSize ?? 1000;
  const maxQueue = options.maxQueue ?? 10_000;
  const { store } = options;
  const queue = new LogRowQueue(Math.min(batchSize, 256));
  let written = 0;
  let dropped = 0;
  let failed = 0;
  let flushing: Promise<void> | undefined;
  let scheduled = false;
  const timer = setInterval(() => void flush(), options.flushIntervalMs ?? 1000);
  timer.unref();

  async function flushOnce(): Promise<void> {
    while (queue.records > 0) {
      // About `batchSize` records: whole chunks, so a batch may run over by part of one.
      const batch = queue.take(batchSize);
      let records = 0;
      for (const chunk of batch) records += chunk.records;
      try {
        await (store.insertRows ? store.insertRows(batch) : store.insert(batch.flatMap((chunk) => chunk.toRecords())));
        written += records;
      } catch (error) {
        failed += records;
        options.onError?.(error);
      } finally {
        queue.recycle(batch);
      }
    }
  }

  function flush(): Promise<void> {
    // One flush at a time; a flush asked for during one runs after it.
    flushing = (flushing ?? Promise.resolve()).then(flushOnce).finally(() => {
      if (queue.records === 0) flushing = undefined;
    });
    return flushing;
  }

  return {
    write(records) {
      const room = maxQueue - queue.records;
      if (room < records.length) dropped += records.length - Math.max(0, room);
      if (room <= 0) return;
      const refused = queue.append(records, Math.min(room, records.length));
      if (refused > 0) {
        failed += refused;
        options.onError?.(new Error(`${refused} log record(s) had a field that could not be written as JSON`));
      }
      if (queue.records >= batchSize && !scheduled) {
        scheduled = true;
        // Off the caller's tick: the request that filled the batch does not pay for the write.
        setImmediate(() => {
          scheduled = false;
          void flush();
        });
      }
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
    stats: () => ({ queued: queue.records, written, dropped, failed }),
  };
}
