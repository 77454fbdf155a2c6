import { type RetentionSweep, startRetentionSweep } from '@switchyard/core';
import type { LogStore } from './log-record.js';

/** Deletes records older than `retentionDays` now and then every `everyMs` (default hourly). */
export function startLogRetention(store: LogStore, options: { retentionDays: number; everyMs?: number; now?: () => number; onError?(error: unknown): void }): RetentionSweep {
  return startRetentionSweep((cutoff) => store.deleteOlderThan(cutoff), options);
}
