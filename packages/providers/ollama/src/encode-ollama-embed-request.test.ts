import { InvalidRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeOllamaEmbedResponse } from './decode-ollama-embed-response.js';
import { encodeOllamaEmbedRequest } from './encode-ollama-embed-request.js';

describe('encodeOllamaEmbedRequest', () => {
  it("sends the texts as input, dimensions as is, and Ollama's own fields from the extra ones", () => {
    const encoded = encodeOllamaEmbedRequest({ model: 'all-minilm', input: ['a', 'b'], dimensions: 128, extra: { truncate: false, keep_alive: '5m', options: { num_ctx: 512 } } });
    expect(encoded.body).toEqual({ model: 'all-minilm', input: ['a', 'b'], dimensions: 128, truncate: false, keep_alive: '5m', options: { num_ctx: 512 } });
    expect(encoded.warnings).toEqual([]);
  });

  it('warns about fields Ollama lacks and refuses token ids', () => {
    expect(encodeOllamaEmbedRequest({ model: 'm', input: ['a'], user: 'u', extra: { input_type: 'q' } }).warnings.map((warning) => warning.field)).toEqual(['user', 'input_type']);
    let caught: unknown;
    try {
      encodeOllamaEmbedRequest({ model: 'm', input: [[1, 2]], extra: {} });
    } catch (error) {
      caught = error;
    }
    expect(InvalidRequestError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ param: 'input' });
  });
});

describe('decodeOllamaEmbedResponse', () => {
  it('returns the vectors and usage from prompt_eval_count', () => {
    const decoded = decodeOllamaEmbedResponse({ model: 'all-minilm', embeddings: [[0.5], [0.25]], prompt_eval_count: 6 }, { model: 'all-minilm', inputs: 2 });
    expect(decoded).toMatchObject({ model: 'all-minilm', embeddings: [[0.5], [0.25]], usage: { input: 6, total: 6 } });
    expect(decodeOllamaEmbedResponse({ embeddings: [[1]] }, { model: 'm', inputs: 1 }).usage).toBeUndefined();
  });
});
