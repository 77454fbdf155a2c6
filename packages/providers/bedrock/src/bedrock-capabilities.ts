import type { ProviderCapabilities } from '@switchyard/core';

/**
 * What the Converse adapter can carry. Per model the truth varies (Titan has no tools, Llama no
 * images, only Claude 4.5+ and a few others have native structured output): Bedrock answers a
 * ValidationException when a model lacks a feature, and the gateway passes it on as such.
 */
export const bedrockCapabilities: ProviderCapabilities = {
  chat: {
    streaming: true,
    tools: true,
    parallelTools: true,
    images: true,
    files: true,
    audio: false,
    reasoning: true,
    // No schema-less JSON mode on Converse; json_schema goes through outputConfig (or a forced tool).
    jsonObject: false,
    jsonSchema: true,
  },
  // Through InvokeModel: Titan / Cohere embedding models, Titan Image Generator / Nova Canvas.
  endpoints: ['embeddings', 'images.generations'],
};
