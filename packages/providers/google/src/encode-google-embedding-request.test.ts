import { InvalidRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { encodeGoogleEmbeddingRequest } from './encode-google-embedding-request.js';

describe('encodeGoogleEmbeddingRequest', () => {
  it('puts each input in its own entry, with the model path, dimensions and the task type upper-cased', () => {
    const encoded = encodeGoogleEmbeddingRequest({
      model: 'gemini-embedding-001',
      input: ['first', 'second'],
      dimensions: 768,
      extra: { task_type: 'retrieval_document', title: 'Doc' },
    });
    const entry = (text: string) => ({
      model: 'models/gemini-embedding-001',
      content: { parts: [{ text }] },
      taskType: 'RETRIEVAL_DOCUMENT',
      title: 'Doc',
      outputDimensionality: 768,
    });
    expect(encoded.body).toEqual({ requests: [entry('first'), entry('second')] });
    expect(encoded.warnings).toEqual([]);
  });

  it('sends nothing optional when the client gave nothing, and warns about fields Gemini lacks', () => {
    const encoded = encodeGoogleEmbeddingRequest({ model: 'models/text-embedding-004', input: ['x'], user: 'u-1', extra: { input_type: 'query' } });
    expect(encoded.body.requests).toEqual([{ model: 'models/text-embedding-004', content: { parts: [{ text: 'x' }] } }]);
    expect(encoded.warnings.map((warning) => warning.field)).toEqual(['input_type', 'user']);
  });

  it('refuses token-id inputs, naming the field', () => {
    let caught: unknown;
    try {
      encodeGoogleEmbeddingRequest({ model: 'gemini-embedding-001', input: [[1, 2, 3]], extra: {} });
    } catch (error) {
      caught = error;
    }
    expect(InvalidRequestError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ param: 'input', status: 400 });
  });
});
