import type { CachedAnswer } from './cache-types.js';
import type { ExactCacheStore } from './exact-cache-store.js';

export interface MemoryCacheStoreOptions {
  /** Most entries kept; the least recently used goes first. Default 1000. */
  maxEntries?: number;
  /** The clock (tests). */
  now?: () => number;
}

/** An LRU map in this process: the default store, lost on restart and not shared between instances. */
export function createMemoryCacheStore(options: MemoryCacheStoreOptions = {}): ExactCacheStore {
  const maxEntries = options.maxEntries ?? 1000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: re-inserting on read keeps the least recently used first.
  const entries = new Map<string, { answer: string; expiresAt: number }>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= now()) return undefined;
      entries.set(key, entry);
      return JSON.parse(entry.answer) as CachedAnswer;
    },
    async set(key, answer, maxAgeSeconds) {
      entries.delete(key);
      // Stored as text so a caller mutating the answer it got never changes the entry.
      entries.set(key, { answer: JSON.stringify(answer), expiresAt: now() + maxAgeSeconds * 1000 });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    size: () => entries.size,
    async close() {
      entries.clear();
    },
  };
}
