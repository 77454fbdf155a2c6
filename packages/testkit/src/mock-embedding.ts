import { createHash } from 'node:crypto';

/** The length of a mock vector when the request asks for none. */
export const mockEmbeddingDimensions = 8;

/**
 * The vector every embeddings mock answers for a text: `dimensions` numbers in [-1, 1) derived
 * from a SHA-256 of the text, so a test can compute what the upstream sent for any input. The
 * numbers are float32 values (as real embeddings are), so a base64 round trip keeps them exact.
 */
export function mockEmbeddingVector(text: string, dimensions: number = mockEmbeddingDimensions): number[] {
  const vector: number[] = [];
  let block = Buffer.alloc(0);
  for (let index = 0; vector.length < dimensions; index++) {
    if (block.length < 2) block = createHash('sha256').update(`${index}:${text}`).digest();
    const value = block.readUInt16BE(0);
    block = block.subarray(2);
    vector.push(Math.fround((value - 32768) / 32768));
  }
  return vector;
}

/** Word count of a text, the token count the embeddings mocks report (as the chat mocks do). */
export function mockTokenCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A valid 1×1 PNG, the image every image-generation mock answers with (base64). */
export const mockPngBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
