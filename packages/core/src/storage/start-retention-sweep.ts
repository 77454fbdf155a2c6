export interface RetentionSweepOptions {
  /** Records older than this many days go. */
  retentionDays: number;
  /** How often the sweep runs after the first, at start (default hourly). */
  everyMs?: number;
  now?: () => number;
  /** Told when a sweep failed; the next one still runs. */
  onError?(error: unknown): void;
}

export interface RetentionSweep {
  stop(): void;
  /** Runs a sweep now (after the one running, if any); resolves with what it deleted. */
  runOnce(): Promise<number>;
}

/**
 * Deletes what a store holds past its retention: now, then every `everyMs`, on a timer that
 * keeps no process alive. `deleteOlderThan` takes the cutoff in Unix milliseconds. A sweep never
 * overlaps the one before it (a large expiry can outlast the interval): a sweep asked for during one
 * waits for it.
 */
export function startRetentionSweep(deleteOlderThan: (cutoffMs: number) => Promise<number>, options: RetentionSweepOptions): RetentionSweep {
  const now = options.now ?? Date.now;
  // The sweeps run one after another: each waits for the one before it, failed or not.
  let previous: Promise<unknown> = Promise.resolve();
  const runOnce = (): Promise<number> => {
    const sweep = previous.then(() => deleteOlderThan(now() - options.retentionDays * 86_400_000));
    previous = sweep.catch(() => {});
    return sweep;
  };
  const run = () => void runOnce().catch((error: unknown) => options.onError?.(error));
  run();
  const timer = setInterval(run, options.everyMs ?? 3_600_000);
  timer.unref();
  return { stop: () => clearInterval(timer), runOnce };
}
