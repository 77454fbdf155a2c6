import type { CachedAnswer } from './cache-types.js';

/** One semantic-cache entry: the embedding of a prompt's last user turn and the answer it got. */
export interface SemanticEntry {
  id: string;
  /** Hash of the partition, the embedding model and everything else in the request that must match exactly. */
  scope: string;
  /** Unit length, so cosine similarity is a dot product. */
  vector: number[];
  answer: CachedAnswer;
  /** Unix milliseconds. */
  expiresAt: number;
}

/**
 * Where semantic entries persist, so a restarted gateway (or another instance) rebuilds its
 * in-memory index from them: SQLite (one host) or PostgreSQL (shared).
 */
export interface SemanticEntryStore {
  /** Unexpired entries stored at or after `storedAt` (Unix ms), oldest first. */
  loadSince(storedAt: number, now: number): Promise<SemanticEntry[]>;
  add(entry: SemanticEntry): Promise<void>;
  delete(ids: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export function vectorToBytes(vector: readonly number[]): Buffer {
  return Buffer.from(new Float32Array(vector).buffer);
}

export function vectorFromBytes(bytes: Uint8Array): number[] {
  // Copied into an aligned buffer: a driver's Buffer may start at any offset of a shared pool.
  const copy = new Uint8Array(bytes);
  return Array.from(new Float32Array(copy.buffer, 0, copy.byteLength / 4));
}
