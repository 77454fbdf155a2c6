import { type EmbeddingRequest, InvalidRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { encodeVertexEmbeddingRequest } from './encode-vertex-embedding-request.js';

describe('encodeVertexEmbeddingRequest', () => {
  it('one instance per input; task type, title, dimensions and truncation where Vertex wants them', () => {
    const encoded = encodeVertexEmbeddingRequest({
      model: 'text-embedding-005',
      input: ['a', 'b'],
      dimensions: 256,
      extra: { task_type: 'retrieval_document', title: 'T', auto_truncate: false },
    });
    expect(encoded.body).toEqual({
      instances: [
        { content: 'a', task_type: 'RETRIEVAL_DOCUMENT', title: 'T' },
        { content: 'b', task_type: 'RETRIEVAL_DOCUMENT', title: 'T' },
      ],
      parameters: { outputDimensionality: 256, autoTruncate: false },
    });
    expect(encoded.warnings).toEqual([]);
  });

  it('sends no parameters when none were asked for, and warns about unknown fields', () => {
    const encoded = encodeVertexEmbeddingRequest({ model: 'text-embedding-005', input: ['a'], extra: { input_type: 'query' } });
    expect(encoded.body).toEqual({ instances: [{ content: 'a' }] });
    expect(encoded.warnings).toEqual([expect.objectContaining({ type: 'unsupported-field', field: 'input_type' })]);
  });

  it('refuses token ids and a non-boolean auto_truncate', () => {
    for (const [request, param] of [
      [{ model: 'm', input: [[1, 2]], extra: {} }, 'input'],
      [{ model: 'm', input: ['a'], extra: { auto_truncate: 'yes' } }, 'auto_truncate'],
    ] satisfies Array<[EmbeddingRequest, string]>) {
      let caught: unknown;
      try {
        encodeVertexEmbeddingRequest(request);
      } catch (error) {
        caught = error;
      }
      expect(InvalidRequestError.isInstance(caught)).toBe(true);
      expect(caught).toMatchObject({ param });
    }
  });
});
