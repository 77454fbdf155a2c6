import { type EmbeddingResponse, UpstreamError } from '@switchyard/core';
import { bedrockCohereEmbeddingResponseSchema, titanEmbeddingResponseSchema } from './bedrock-embedding-api.js';
import type { BedrockEmbeddingFamily } from './bedrock-embedding-family.js';

/** One InvokeModel answer: its parsed body and the input token count Bedrock puts in a header. */
export interface BedrockEmbeddingAnswer {
  body: unknown;
  /** `x-amzn-bedrock-input-token-count`. */
  inputTokens?: number;
}

/**
 * The answers of the calls made for one request, in order → canonical vectors. Usage: Titan's
 * `inputTextTokenCount`, else Bedrock's input-token header, summed over the calls; absent when
 * neither was given.
 */
export function decodeBedrockEmbeddingResponses(answers: BedrockEmbeddingAnswer[], options: { model: string; family: BedrockEmbeddingFamily; inputs: number }): EmbeddingResponse {
  const embeddings: number[][] = [];
  const counts: Array<number | undefined> = [];
  for (const answer of answers) {
    if (options.family === 'cohere') {
      const parsed = bedrockCohereEmbeddingResponseSchema.safeParse(answer.body);
      if (!parsed.success) throw malformed(answer.body);
      const vectors = parsed.data.embeddings;
      embeddings.push(...(Array.isArray(vectors) ? vectors : vectors.float));
      counts.push(answer.inputTokens);
    } else {
      const parsed = titanEmbeddingResponseSchema.safeParse(answer.body);
      if (!parsed.success) throw malformed(answer.body);
      embeddings.push(parsed.data.embedding);
      counts.push(parsed.data.inputTextTokenCount ?? answer.inputTokens);
    }
  }
  if (embeddings.length !== options.inputs) throw malformed(answers.map((answer) => answer.body));
  const response: EmbeddingResponse = { model: options.model, embeddings };
  if (counts.every((count) => count !== undefined)) {
    const input = counts.reduce((sum: number, count) => sum + count!, 0);
    response.usage = { input, total: input, raw: { inputTokenCounts: counts } };
  }
  return response;
}

function malformed(body: unknown): UpstreamError {
  return new UpstreamError('Bedrock answered the embeddings call with a body that does not hold one vector per input.', {
    provider: 'bedrock',
    status: 200,
    body,
    kind: 'upstream',
    retryable: false,
  });
}
