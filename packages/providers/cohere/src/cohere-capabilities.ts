import type { ProviderCapabilities } from '@switchyard/core';

/** What the Cohere adapter does today: chat and embeddings (/v2/embed); rerank (/v2/rerank) comes later. */
export const cohereCapabilities: ProviderCapabilities = {
  chat: {
    streaming: true,
    tools: true,
    parallelTools: true,
    // Vision models (command-a-vision) take image_url parts: data URIs or web URLs.
    images: true,
    // Chat v2 has no file / PDF input: documents are JSON objects given in `documents`.
    files: false,
    audio: false,
    // Reasoning models (command-a-reasoning) think in `thinking` content blocks.
    reasoning: true,
    jsonObject: true,
    jsonSchema: true,
  },
  endpoints: ['embeddings'],
};
