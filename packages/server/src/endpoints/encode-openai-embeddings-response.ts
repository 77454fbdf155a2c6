import type { EmbeddingResponse } from '@switchyard/core';

/**
 * The canonical answer in OpenAI's shape. `base64` is what OpenAI sends for that format: each
 * vector as little-endian float32 bytes, base64-encoded (the SDKs decode it back to floats).
 */
export function encodeOpenAIEmbeddingsResponse(response: EmbeddingResponse, encodingFormat: 'float' | 'base64'): Record<string, unknown> {
  const input = response.usage?.input ?? 0;
  return {
    object: 'list',
    data: response.embeddings.map((vector, index) => ({
      object: 'embedding',
      index,
      embedding: encodingFormat === 'base64' ? float32Base64(vector) : vector,
    })),
    model: response.model,
    usage: { prompt_tokens: input, total_tokens: response.usage?.total ?? input },
  };
}

function float32Base64(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}
