import { retryWhileBusy } from './retry-while-busy.js';

/** What opening a write transaction needs of an SQLite connection (a better-sqlite3 Database has it). */
export interface SqliteTransactionRunner {
  exec(source: string): unknown;
  pragma(source: string, options: { simple: true }): unknown;
  readonly inTransaction: boolean;
}

/**
 * Opens a write transaction (`BEGIN IMMEDIATE`) on a file other connections may be writing,
 * waiting for their write lock on timers instead of in SQLite's busy handler, and resolves once
 * this connection holds the lock: the transaction's statements then never wait for another writer.
 *
 * SQLite's busy handler (`busy_timeout`) sleeps in the calling thread. Gateway workers share one
 * log file (`--workers`), and a worker whose batch met another's open write transaction (its
 * batch, which stays open across turns of the event loop, or its retention delete) stopped serving
 * every request until that one committed: as long as a lock another process held for 400 ms, in
 * the store's tests. Two stores on one file in one process waited on each other until the busy
 * timeout failed the second batch, 5 s later. Here the handler is off for the attempt only, and a
 * busy file is tried again after 2, 4, … ms (at most 50 apart) until `timeoutMs` has passed, when
 * SQLite's SQLITE_BUSY error is thrown as the handler would have. `busyTimeoutMs` is the
 * connection's own setting, put back after each attempt for its other statements.
 */
export async function beginWriteTransaction(db: SqliteTransactionRunner, busyTimeoutMs: number, timeoutMs = busyTimeoutMs): Promise<void> {
  await retryWhileBusy(() => {
    db.pragma('busy_timeout = 0', { simple: true });
    try {
      db.exec('BEGIN IMMEDIATE');
    } finally {
      db.pragma(`busy_timeout = ${busyTimeoutMs}`, { simple: true });
    }
  }, timeoutMs);
}

/**
 * Runs `work` in a write transaction opened by `beginWriteTransaction`: commits what it did, or
 * rolls it back and rethrows when it throws. `work` may await (the log store writes a batch a part
 * per turn of the event loop); the transaction stays open until it settles.
 */
export async function inWriteTransaction<T>(db: SqliteTransactionRunner, busyTimeoutMs: number, work: () => T | Promise<T>): Promise<T> {
  await beginWriteTransaction(db, busyTimeoutMs);
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
