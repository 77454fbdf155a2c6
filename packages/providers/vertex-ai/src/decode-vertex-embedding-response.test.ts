import { UpstreamError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeVertexEmbeddingResponse } from './decode-vertex-embedding-response.js';

describe('decodeVertexEmbeddingResponse', () => {
  it('returns the vectors in order, usage summed from each statistics.token_count', () => {
    const body = {
      predictions: [
        { embeddings: { values: [0.5, -0.25], statistics: { token_count: 2, truncated: false } } },
        { embeddings: { values: [1, 0], statistics: { token_count: 5, truncated: false } } },
      ],
      metadata: { billableCharacterCount: 20 },
    };
    const decoded = decodeVertexEmbeddingResponse(body, { model: 'text-embedding-005', inputs: 2 });
    expect(decoded.embeddings).toEqual([[0.5, -0.25], [1, 0]]);
    expect(decoded.usage).toMatchObject({ input: 7, total: 7 });
  });

  it('leaves usage absent when Vertex gave no counts, and fails on a short answer', () => {
    expect(decodeVertexEmbeddingResponse({ predictions: [{ embeddings: { values: [1] } }] }, { model: 'm', inputs: 1 }).usage).toBeUndefined();
    let caught: unknown;
    try {
      decodeVertexEmbeddingResponse({ predictions: [] }, { model: 'm', inputs: 1 });
    } catch (error) {
      caught = error;
    }
    expect(UpstreamError.isInstance(caught)).toBe(true);
  });
});
