import type { SemanticEntry } from './semantic-entry-store.js';

export interface NearestEntry {
  entry: SemanticEntry;
  similarity: number;
}

/**
 * Brute-force nearest-neighbour search by cosine similarity, grouped by scope (only entries of
 * the same scope are candidates). A linear scan of a few thousand vectors of ~1.5k dimensions
 * costs a few milliseconds — less than the embeddings call in front of it — so the index needs
 * no approximate structure at the bound the semantic cache keeps (`maxEntries`).
 */
export class VectorIndex {
  private readonly byScope = new Map<string, SemanticEntry[]>();
  private readonly ids = new Set<string>();

  get size(): number {
    return this.ids.size;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(entry: SemanticEntry): void {
    if (this.ids.has(entry.id)) return;
    this.ids.add(entry.id);
    const list = this.byScope.get(entry.scope);
    if (list) list.push(entry);
    else this.byScope.set(entry.scope, [entry]);
  }

  /** The most similar unexpired entry of `scope`; expired ones met on the way are dropped and returned in `expired`. */
  nearest(scope: string, vector: readonly number[], now: number): { nearest?: NearestEntry; expired: string[] } {
    const list = this.byScope.get(scope);
    const expired: string[] = [];
    if (!list) return { expired };
    let best: NearestEntry | undefined;
    for (const entry of list) {
      if (entry.expiresAt <= now) {
        expired.push(entry.id);
        continue;
      }
      const similarity = dot(entry.vector, vector);
      if (!best || similarity > best.similarity) best = { entry, similarity };
    }
    if (expired.length > 0) this.remove(expired);
    return { nearest: best, expired };
  }

  /** Removes the `count` oldest entries (by when they were stored); returns their ids. */
  evictOldest(count: number): string[] {
    const all = [...this.byScope.values()].flat().sort((a, b) => a.answer.storedAt - b.answer.storedAt);
    const ids = all.slice(0, count).map((entry) => entry.id);
    this.remove(ids);
    return ids;
  }

  remove(ids: readonly string[]): void {
    const gone = new Set(ids);
    for (const [scope, list] of this.byScope) {
      const kept = list.filter((entry) => !gone.has(entry.id));
      if (kept.length === 0) this.byScope.delete(scope);
      else if (kept.length !== list.length) this.byScope.set(scope, kept);
    }
    for (const id of ids) this.ids.delete(id);
  }
}

/** The vector scaled to unit length (a zero vector stays zero, matching nothing). */
export function unitVector(vector: readonly number[]): number[] {
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return norm === 0 ? vector.map(() => 0) : vector.map((value) => value / norm);
}

function dot(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return -1;
  let sum = 0;
  for (let index = 0; index < a.length; index++) sum += a[index]! * b[index]!;
  return sum;
}
