import type { ProviderCapabilities } from '@switchyard/core';

/**
 * What the adapter can carry to Ollama; whether a given local model can use it (tools, vision,
 * thinking) depends on the model, and Ollama answers a 400 when it cannot. No PDFs or audio;
 * images only as base64. Embeddings go through `/api/embed`.
 */
export const ollamaCapabilities: ProviderCapabilities = {
  chat: {
    streaming: true,
    tools: true,
    parallelTools: true,
    images: true,
    files: false,
    audio: false,
    reasoning: true,
    jsonObject: true,
    jsonSchema: true,
  },
  endpoints: ['embeddings'],
};
