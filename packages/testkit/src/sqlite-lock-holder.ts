import { type ChildProcess, spawn } from 'node:child_process';
import { expect } from 'vitest';

const holders: ChildProcess[] = [];

export interface HoldSqliteWriteLockOptions {
  /** A folder whose `node_modules` has `better-sqlite3` (the calling test's own). */
  resolveFrom: string;
  /** Run in the holder's transaction before it waits. */
  statement?: string;
}

/**
 * Another process (as another gateway worker would) takes the write lock of the SQLite file at
 * `path` (`BEGIN IMMEDIATE`), runs `statement` when given, and commits after `holdMs`. Resolves
 * once it holds the lock; `released` once it has let go and exited.
 */
export async function holdSqliteWriteLock(path: string, holdMs: number, options: HoldSqliteWriteLockOptions): Promise<{ released: Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(path)});
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN IMMEDIATE');
    ${options.statement ? `db.exec(${JSON.stringify(options.statement)});` : ''}
    process.stdout.write('holding\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${holdMs});
  `;
  const holder = spawn(process.execPath, ['-e', script], { cwd: options.resolveFrom, stdio: ['ignore', 'pipe', 'pipe'] });
  holders.push(holder);
  let errors = '';
  holder.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    holder.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('holding')) resolve();
    });
    holder.once('exit', (code) => reject(new Error(`the lock holder exited (${code}) before holding the lock: ${errors}`)));
  });
  return { released: new Promise<void>((resolve) => holder.once('exit', () => resolve())) };
}

/** Ends every lock holder still running (for `afterAll`). */
export function stopSqliteLockHolders(): void {
  for (const holder of holders) holder.kill('SIGKILL');
}

/**
 * Runs `work` with a 5 ms interval ticking beside it: how it settled, the longest the event loop
 * went without running the interval (ms), and how many times it ran.
 */
export async function longestEventLoopStall<T>(work: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; stallMs: number; ticks: number }> {
  let last = performance.now();
  let stallMs = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
    ticks += 1;
  }, 5);
  const [result] = await Promise.allSettled([work()]);
  clearInterval(timer);
  stallMs = Math.max(stallMs, performance.now() - last);
  return { result, stallMs, ticks };
}

/**
 * Runs `work` (a store's write) while another process holds the write lock of the SQLite file at
 * `path` for 300 ms, and checks that it waited for that commit on timers: it took ≥200 ms, the
 * event loop kept turning (≥15 ticks of a 5 ms interval, none more than 150 ms late; SQLite's busy
 * handler would have slept in this thread), and it succeeded. Answers its result once the holder has let go.
 */
export async function expectWriteToWaitOnTimers<T>(path: string, work: () => Promise<T>, options: Pick<HoldSqliteWriteLockOptions, 'resolveFrom'>): Promise<T> {
  const { released } = await holdSqliteWriteLock(path, 300, options);
  const started = performance.now();
  const { result, stallMs, ticks } = await longestEventLoopStall(work);
  const waitedMs = performance.now() - started;
  await released;
  if (result.status === 'rejected') throw result.reason;
  expect(waitedMs).toBeGreaterThanOrEqual(200);
  expect(ticks).toBeGreaterThanOrEqual(15);
  expect(stallMs).toBeLessThan(150);
  return result.value;
}
