import { type EmbeddingResponse, UpstreamError } from '@switchyard/core';
import { cohereEmbedResponseSchema } from './cohere-embed-api.js';

/** A `/v2/embed` answer → canonical vectors; usage from `meta.billed_units.input_tokens` (absent when not billed in tokens). */
export function decodeCohereEmbedResponse(body: unknown, options: { model: string; inputs: number }): EmbeddingResponse {
  const parsed = cohereEmbedResponseSchema.safeParse(body);
  if (!parsed.success || parsed.data.embeddings.float.length !== options.inputs) {
    throw new UpstreamError('Cohere answered the embed call with a body that does not hold one float vector per input.', {
      provider: 'cohere',
      status: 200,
      body,
      kind: 'upstream',
      retryable: false,
    });
  }
  const response: EmbeddingResponse = { model: options.model, embeddings: parsed.data.embeddings.float };
  const billed = parsed.data.meta?.billed_units;
  if (billed?.input_tokens !== undefined) response.usage = { input: billed.input_tokens, total: billed.input_tokens, raw: billed };
  return response;
}
