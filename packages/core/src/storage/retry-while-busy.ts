import { type SqlitePragmaRunner, isSqliteBusy } from './enter-wal-mode.js';

/**
 * Runs `attempt` until it does not fail with SQLITE_BUSY (another connection holds the file's
 * write lock), waiting 2, 4, … ms (at most 50 apart) on timers between tries, so the event loop
 * keeps serving while it waits. Once `timeoutMs` has passed, the busy error is thrown as SQLite's
 * own busy handler would have; any other error at once. For connections whose `busy_timeout` is
 * 0 for the attempt: the busy handler would otherwise sleep inside it, in the calling thread.
 */
export async function retryWhileBusy<T>(attempt: () => T, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
    try {
      return attempt();
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() + wait > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * Turns the connection's busy handler off (`busy_timeout = 0`) and returns how to run its
 * statements from then on: each one retried by `retryWhileBusy` for up to `timeoutMs`. For a store
 * whose statements run on the request path of a process that may share its file with others
 * (`--workers`, instances on one host): SQLite's handler would sleep in the event loop's thread
 * for as long as another process holds the write lock, and no request would be served meanwhile.
 * Call it once the store has opened (WAL mode, migrations), which may wait synchronously.
 */
export function waitForLocksOnTimers(db: SqlitePragmaRunner, timeoutMs: number): <T>(statement: () => T) => Promise<T> {
  db.pragma('busy_timeout = 0', { simple: true });
  return (statement) => retryWhileBusy(statement, timeoutMs);
}
