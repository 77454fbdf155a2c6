import type { LogStore } from './log-record.js';

/** Deletes records older than `retentionDays` now and then every `everyMs` (default hourly). */
export function startLogRetention(store: LogStore, options: { retentionDays: number; everyMs?: number; now?: () => number; onError?(error: unknown): void }): { stop(): void; runOnce(): Promise<number> } {
  const now = options.now ?? Date.now;
  const runOnce = () => store.deleteOlderThan(now() - options.retentionDays * 86_400_000);
  const run = () => void runOnce().catch((error) => options.onError?.(error));
  run();
  const timer = setInterval(run, options.everyMs ?? 3_600_000);
  timer.unref();
  return { stop: () => clearInterval(timer), runOnce };
}
