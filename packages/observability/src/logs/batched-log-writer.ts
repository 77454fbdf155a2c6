import type { LogRecord, LogStore } from './log-record.js';

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
 * Takes log records off the request path: `write` only appends to an array; a timer (or a full
 * batch) hands them to the store. Under pressure it drops rather than blocks or grows without bound.
 */
export function createBatchedLogWriter(options: BatchedLogWriterOptions): BatchedLogWriter {
  const batchSize = options.batchSize ?? 1000;
  const maxQueue = options.maxQueue ?? 10_000;
  let queue: LogRecord[] = [];
  let written = 0;
  let dropped = 0;
  let failed = 0;
  let flushing: Promise<void> | undefined;
  let scheduled = false;
  const timer = setInterval(() => void flush(), options.flushIntervalMs ?? 1000);
  timer.unref();

  async function flushOnce(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.slice(0, batchSize);
      queue = queue.slice(batch.length);
      try {
        await options.store.insert(batch);
        written += batch.length;
      } catch (error) {
        failed += batch.length;
        options.onError?.(error);
      }
    }
  }

  function flush(): Promise<void> {
    // One flush at a time; a flush asked for during one runs after it.
    flushing = (flushing ?? Promise.resolve()).then(flushOnce).finally(() => {
      if (queue.length === 0) flushing = undefined;
    });
    return flushing;
  }

  return {
    write(records) {
      const room = maxQueue - queue.length;
      if (room < records.length) dropped += records.length - Math.max(0, room);
      if (room <= 0) return;
      for (const record of room < records.length ? records.slice(0, room) : records) queue.push(record);
      if (queue.length >= batchSize && !scheduled) {
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
    stats: () => ({ queued: queue.length, written, dropped, failed }),
  };
}
