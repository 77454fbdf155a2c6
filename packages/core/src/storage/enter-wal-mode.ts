/** What switching an SQLite connection's journal mode needs of it (a better-sqlite3 Database has it). */
export interface SqlitePragmaRunner {
  pragma(source: string, options: { simple: true }): unknown;
}

/**
 * Puts an SQLite file in WAL mode, waiting up to `timeoutMs` (give the connection's
 * `busy_timeout`) while another connection holds a lock on it.
 *
 * The switch needs the file to itself, and on a file not yet in WAL mode SQLite answers
 * SQLITE_BUSY at once while another connection holds its write lock: `busy_timeout` is not
 * consulted on that path. Gateway processes started together on one file (cluster workers,
 * instances sharing a host, test runs) met this at startup as `database is locked`. The wait is
 * synchronous, as SQLite's own busy handler is; it only happens while a store opens. A mode other
 * than WAL that persists (a file system without shared memory, `:memory:`) is left as SQLite
 * answered it.
 */
export function enterWalMode(db: SqlitePragmaRunner, timeoutMs = 5_000): void {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 2; ; wait = Math.min(wait * 2, 100)) {
    try {
      db.pragma('journal_mode = WAL', { simple: true });
      return;
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() + wait > deadline) throw error;
      sleepSync(wait);
    }
  }
}

/** Whether `error` is SQLite's "the file is locked by another connection" (SQLITE_BUSY and its extended codes). */
export function isSqliteBusy(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
