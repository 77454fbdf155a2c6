import { type EmbeddingResponse, UpstreamError } from '@switchyard/core';
import { googleBatchEmbedContentsResponseSchema } from './google-embedding-api.js';

/**
 * A `batchEmbedContents` answer → canonical vectors, in input order. Gemini reports no token
 * usage for embeddings, so usage stays absent rather than an invented 0.
 */
export function decodeGoogleEmbeddingResponse(body: unknown, options: { model: string; inputs: number; provider?: string }): EmbeddingResponse {
  const provider = options.provider ?? 'google';
  const parsed = googleBatchEmbedContentsResponseSchema.safeParse(body);
  if (!parsed.success || parsed.data.embeddings.length !== options.inputs) {
    throw new UpstreamError(`${provider} answered the embeddings call with a body that does not hold one vector per input.`, {
      provider,
      status: 200,
      body,
      kind: 'upstream',
      retryable: false,
    });
  }
  const response: EmbeddingResponse = { model: options.model, embeddings: parsed.data.embeddings.map((embedding) => embedding.values) };
  const usage = parsed.data.usageMetadata;
  if (usage?.promptTokenCount !== undefined) {
    response.usage = { input: usage.promptTokenCount, total: usage.totalTokenCount ?? usage.promptTokenCount, raw: usage };
  }
  return response;
}
