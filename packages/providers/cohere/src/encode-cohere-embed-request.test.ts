import { type EmbeddingRequest, InvalidRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { encodeCohereEmbedRequest } from './encode-cohere-embed-request.js';

describe('encodeCohereEmbedRequest', () => {
  it("sends the client's input_type, floats only, dimensions as output_dimension", () => {
    const encoded = encodeCohereEmbedRequest({ model: 'embed-v4.0', input: ['a', 'b'], dimensions: 512, extra: { input_type: 'search_query', max_tokens: 128 } });
    expect(encoded.body).toEqual({ model: 'embed-v4.0', texts: ['a', 'b'], input_type: 'search_query', embedding_types: ['float'], output_dimension: 512, max_tokens: 128 });
    expect(encoded.warnings).toEqual([]);
  });

  it('defaults input_type to search_document with a warning, and warns about unknown fields', () => {
    const encoded = encodeCohereEmbedRequest({ model: 'embed-english-v3.0', input: ['a'], user: 'u', extra: { task_type: 'x' } });
    expect(encoded.body.input_type).toBe('search_document');
    expect(encoded.warnings.map((warning) => [warning.type, warning.field])).toEqual([
      ['default-applied', 'input_type'],
      ['unsupported-field', 'user'],
      ['unsupported-field', 'task_type'],
    ]);
  });

  it('refuses token ids and a non-string input_type, naming the field', () => {
    for (const [request, param] of [
      [{ model: 'm', input: [[1]], extra: {} }, 'input'],
      [{ model: 'm', input: ['a'], extra: { input_type: 3 } }, 'input_type'],
    ] satisfies Array<[EmbeddingRequest, string]>) {
      let caught: unknown;
      try {
        encodeCohereEmbedRequest(request);
      } catch (error) {
        caught = error;
      }
      expect(InvalidRequestError.isInstance(caught)).toBe(true);
      expect(caught).toMatchObject({ param });
    }
  });
});
