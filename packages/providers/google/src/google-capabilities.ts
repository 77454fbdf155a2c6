import type { ProviderCapabilities } from '@switchyard/core';

/** What the Gemini adapter does today; embeddings (embedContent) are not implemented yet. */
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
};
