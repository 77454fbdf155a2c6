import { createHash } from 'node:crypto';

/**
 * A deterministic stand-in for an embeddings model whose geometry tests can reason about: each
 * lower-cased word adds 1 to one of `dimensions` slots (picked by its hash). Prompts sharing most
 * words are near (cosine close to 1), prompts sharing none are far (close to 0).
 */
export function bagOfWordsVector(text: string, dimensions = 256): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    vector[createHash('sha256').update(word).digest().readUInt32BE(0) % dimensions]! += 1;
  }
  return vector;
}
