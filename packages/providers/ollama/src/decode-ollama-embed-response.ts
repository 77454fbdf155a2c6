import { type EmbeddingResponse, UpstreamError } from '@switchyard/core';
import { ollamaEmbedResponseSchema } from './ollama-embed-api.js';

/** An `/api/embed` answer → canonical vectors; usage from `prompt_eval_count` (absent when Ollama gave none). */
export function decodeOllamaEmbedResponse(body: unknown, options: { model: string; inputs: number }): EmbeddingResponse {
  const parsed = ollamaEmbedResponseSchema.safeParse(body);
  if (!parsed.success || parsed.data.embeddings.length !== options.inputs) {
    throw new UpstreamError('Ollama answered the embed call with a body that does not hold one vector per input.', {
      provider: 'ollama',
      status: 200,
      body,
      kind: 'upstream',
      retryable: false,
    });
  }
  const response: EmbeddingResponse = { model: parsed.data.model ?? options.model, embeddings: parsed.data.embeddings };
  const count = parsed.data.prompt_eval_count;
  if (count !== undefined) {
    response.usage = { input: count, total: count, raw: { prompt_eval_count: count, total_duration: parsed.data.total_duration, load_duration: parsed.data.load_duration } };
  }
  return response;
}
