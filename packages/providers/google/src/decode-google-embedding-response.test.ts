import { UpstreamError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeGoogleEmbeddingResponse } from './decode-google-embedding-response.js';

describe('decodeGoogleEmbeddingResponse', () => {
  it('returns the vectors in order and no usage (Gemini reports none for embeddings)', () => {
    const body = { embeddings: [{ values: [0.25, -0.5] }, { values: [1, 0] }] };
    const decoded = decodeGoogleEmbeddingResponse(body, { model: 'gemini-embedding-001', inputs: 2 });
    expect(decoded).toEqual({ model: 'gemini-embedding-001', embeddings: [[0.25, -0.5], [1, 0]] });
    expect(decoded).not.toHaveProperty('usage');
  });

  it('reads usage when the answer carries it', () => {
    const body = { embeddings: [{ values: [1] }], usageMetadata: { promptTokenCount: 3, totalTokenCount: 3 } };
    expect(decodeGoogleEmbeddingResponse(body, { model: 'm', inputs: 1 }).usage).toMatchObject({ input: 3, total: 3 });
  });

  it('is an upstream error when the vector count does not match the inputs', () => {
    let caught: unknown;
    try {
      decodeGoogleEmbeddingResponse({ embeddings: [{ values: [1] }] }, { model: 'm', inputs: 2 });
    } catch (error) {
      caught = error;
    }
    expect(UpstreamError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ kind: 'upstream', provider: 'google' });
  });
});
