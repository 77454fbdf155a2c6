import type { ProviderCapabilities } from '@switchyard/core';

/**
 * What the Vertex AI adapter does across its two model families. Gemini takes audio, Claude
 * does not (a Claude request with audio is refused by the Messages encoder, naming the part);
 * Claude has no JSON mode without a schema (json_object is dropped with a warning there).
 * Text-embedding and Imagen models are served through `:predict`.
 */
export const vertexCapabilities: ProviderCapabilities = {
  chat: {
    streaming: true,
    tools: true,
    parallelTools: true,
    images: true,
    files: true,
    audio: true,
    reasoning: true,
    jsonObject: true,
    jsonSchema: true,
  },
  endpoints: ['embeddings', 'images.generations'],
};
