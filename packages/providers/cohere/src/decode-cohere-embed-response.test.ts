import { UpstreamError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeCohereEmbedResponse } from './decode-cohere-embed-response.js';

describe('decodeCohereEmbedResponse', () => {
  it('returns embeddings.float in order, usage from billed input tokens', () => {
    const body = { id: 'x', embeddings: { float: [[0.5], [0.25]] }, meta: { billed_units: { input_tokens: 6 } }, response_type: 'embeddings_by_type' };
    expect(decodeCohereEmbedResponse(body, { model: 'embed-v4.0', inputs: 2 })).toEqual({
      model: 'embed-v4.0',
      embeddings: [[0.5], [0.25]],
      usage: { input: 6, total: 6, raw: { input_tokens: 6 } },
    });
  });

  it('leaves usage absent without billed tokens; a body without float vectors is an upstream error', () => {
    expect(decodeCohereEmbedResponse({ embeddings: { float: [[1]] } }, { model: 'm', inputs: 1 }).usage).toBeUndefined();
    let caught: unknown;
    try {
      decodeCohereEmbedResponse({ embeddings: { int8: [[1]] } }, { model: 'm', inputs: 1 });
    } catch (error) {
      caught = error;
    }
    expect(UpstreamError.isInstance(caught)).toBe(true);
  });
});
