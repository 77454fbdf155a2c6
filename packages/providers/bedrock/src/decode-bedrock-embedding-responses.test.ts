import { UpstreamError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeBedrockEmbeddingResponses } from './decode-bedrock-embedding-responses.js';

describe('decodeBedrockEmbeddingResponses', () => {
  it("Titan: one vector per answer, usage summed from inputTextTokenCount", () => {
    const decoded = decodeBedrockEmbeddingResponses(
      [{ body: { embedding: [0.5, 0.25], inputTextTokenCount: 3 } }, { body: { embedding: [1, 0], inputTextTokenCount: 4 }, inputTokens: 99 }],
      { model: 'amazon.titan-embed-text-v2:0', family: 'titan-text-v2', inputs: 2 },
    );
    expect(decoded.embeddings).toEqual([[0.5, 0.25], [1, 0]]);
    expect(decoded.usage).toMatchObject({ input: 7, total: 7 });
  });

  it('Cohere: both answer shapes, usage from the input-token header, absent without it', () => {
    const byType = decodeBedrockEmbeddingResponses(
      [{ body: { embeddings: { float: [[1], [2]] }, response_type: 'embeddings_by_type' }, inputTokens: 5 }, { body: { embeddings: [[3]] }, inputTokens: 2 }],
      { model: 'cohere.embed-v4:0', family: 'cohere', inputs: 3 },
    );
    expect(byType.embeddings).toEqual([[1], [2], [3]]);
    expect(byType.usage).toMatchObject({ input: 7, total: 7 });
    const noCount = decodeBedrockEmbeddingResponses([{ body: { embeddings: [[3]] } }], { model: 'cohere.embed-v4:0', family: 'cohere', inputs: 1 });
    expect(noCount.usage).toBeUndefined();
  });

  it('a body without vectors, or too few of them, is an upstream error', () => {
    for (const answers of [[{ body: { message: 'x' } }], [{ body: { embedding: [1] } }]]) {
      let caught: unknown;
      try {
        decodeBedrockEmbeddingResponses(answers, { model: 'amazon.titan-embed-text-v2:0', family: 'titan-text-v2', inputs: 2 });
      } catch (error) {
        caught = error;
      }
      expect(UpstreamError.isInstance(caught)).toBe(true);
    }
  });
});
