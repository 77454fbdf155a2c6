import type { ProviderCapabilities } from '@switchyard/core';

/** What the Gemini adapter does: chat, embeddings (batchEmbedContents) and Imagen image generation (predict). */
export const googleCapabilities: ProviderCapabilities = {
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
