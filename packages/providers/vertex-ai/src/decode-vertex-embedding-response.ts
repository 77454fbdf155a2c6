import { type EmbeddingResponse, UpstreamError } from '@switchyard/core';
import { vertexEmbeddingPredictResponseSchema } from './vertex-embedding-api.js';

/**
 * A text-embedding `:predict` answer → canonical vectors in input order; usage is the sum of
 * each prediction's `statistics.token_count` (absent when Vertex gave none).
 */
export function decodeVertexEmbeddingResponse(body: unknown, options: { model: string; inputs: number }): EmbeddingResponse {
  const parsed = vertexEmbeddingPredictResponseSchema.safeParse(body);
  if (!parsed.success || parsed.data.predictions.length !== options.inputs) {
    throw new UpstreamError('Vertex AI answered the embeddings call with a body that does not hold one vector per input.', {
      provider: 'vertex-ai',
      status: 200,
      body,
      kind: 'upstream',
      retryable: false,
    });
  }
  const predictions = parsed.data.predictions;
  const response: EmbeddingResponse = { model: options.model, embeddings: predictions.map((prediction) => prediction.embeddings.values) };
  const counts = predictions.map((prediction) => prediction.embeddings.statistics?.token_count);
  if (counts.every((count) => count !== undefined)) {
    const input = counts.reduce((sum: number, count) => sum + count!, 0);
    response.usage = { input, total: input, raw: { statistics: predictions.map((prediction) => prediction.embeddings.statistics), metadata: parsed.data.metadata } };
  }
  return response;
}
