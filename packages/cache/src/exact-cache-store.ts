import type { CachedAnswer } from './cache-types.js';

/** Where exact-match entries live: memory (one process) or Redis (shared by every instance). */
export interface ExactCacheStore {
  /** The entry, or undefined when absent or expired. */
  get(key: string): Promise<CachedAnswer | undefined>;
  set(key: string, answer: CachedAnswer, maxAgeSeconds: number): Promise<void>;
  /** Entries held, where the store can tell cheaply (memory). */
  size?(): number;
  close(): Promise<void>;
}
