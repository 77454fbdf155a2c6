import { randomUUID } from 'node:crypto';
import type { CachedAnswer } from './cache-types.js';
import type { SemanticEntryStore } from './semantic-entry-store.js';
import { VectorIndex, unitVector } from './vector-index.js';

/** Turns texts into embedding vectors (the gateway builds it from a catalog entry). */
export type EmbedTexts = (texts: string[]) => Promise<number[][]>;

export interface SemanticCacheOptions {
  embed: EmbedTexts;
  /** A name for the embedding model, part of every scope: vectors of different models never meet. */
  embeddingModel: string;
  entries: SemanticEntryStore;
  /** Cosine similarity a stored prompt must reach to be served. Default 0.95. */
  threshold?: number;
  /** Most entries kept (the oldest go first). Default 5000, the bound brute-force search is sized for. */
  maxEntries?: number;
  /** How often a lookup first loads entries other instances stored. Default 5000 ms. */
  syncIntervalMs?: number;
  now?: () => number;
}

const syncMarginMs = 60_000;

export type SemanticLookup =
  | { hit: true; answer: CachedAnswer; similarity: number }
  | { hit: false; vector: number[]; similarity?: number };

export interface SemanticCache {
  readonly embeddingModel: string;
  /** Embeds `text` and finds the nearest entry of `scope` at or above the threshold. */
  lookup(scope: string, text: string, threshold?: number): Promise<SemanticLookup>;
  /** Embeds `text` (for a refresh, where no lookup ran). */
  embed(text: string): Promise<number[]>;
  store(scope: string, vector: number[], answer: CachedAnswer, maxAgeSeconds: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The semantic cache: an in-memory index over entries persisted in SQLite or PostgreSQL. The
 * index is built from the store on first use (so a restart rebuilds it) and topped up with
 * what other instances stored, at most every `syncIntervalMs`.
 */
export function createSemanticCache(options: SemanticCacheOptions): SemanticCache {
  const threshold = options.threshold ?? 0.95;
  const maxEntries = options.maxEntries ?? 5000;
  const syncIntervalMs = options.syncIntervalMs ?? 5000;
  const now = options.now ?? Date.now;
  const index = new VectorIndex();
  let lastSync = -Infinity;
  let syncing: Promise<void> | undefined;

  const sync = async () => {
    if (now() - lastSync < syncIntervalMs) return;
    syncing ??= (async () => {
      const started = now();
      // A margin before the last sync covers clock skew between instances and slow commits; the
      // index skips ids it already holds.
      const fresh = await options.entries.loadSince(Number.isFinite(lastSync) ? lastSync - syncMarginMs : 0, started);
      for (const entry of fresh) index.add(entry);
      lastSync = started;
      await enforceBound();
    })().finally(() => (syncing = undefined));
    await syncing;
  };

  const enforceBound = async () => {
    if (index.size <= maxEntries) return;
    await options.entries.delete(index.evictOldest(index.size - maxEntries));
  };

  const embedOne = async (text: string) => {
    const [vector] = await options.embed([text]);
    if (!vector || vector.length === 0) throw new Error(`The embeddings model ${options.embeddingModel} returned no vector`);
    return unitVector(vector);
  };

  return {
    embeddingModel: options.embeddingModel,
    async lookup(scope, text, requestThreshold) {
      const [vector] = await Promise.all([embedOne(text), sync()]);
      const { nearest, expired } = index.nearest(scope, vector, now());
      if (expired.length > 0) await options.entries.delete(expired);
      if (nearest && nearest.similarity >= (requestThreshold ?? threshold)) return { hit: true, answer: nearest.entry.answer, similarity: nearest.similarity };
      return { hit: false, vector, similarity: nearest?.similarity };
    },
    embed: embedOne,
    async store(scope, vector, answer, maxAgeSeconds) {
      const entry = { id: randomUUID(), scope, vector, answer, expiresAt: answer.storedAt + maxAgeSeconds * 1000 };
      await options.entries.add(entry);
      index.add(entry);
      await enforceBound();
    },
    async close() {
      await syncing?.catch(() => {});
      await options.entries.close();
    },
  };
}
