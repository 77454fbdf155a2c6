import type { ProviderCapabilities } from '@switchyard/core';

/**
 * TGI's native API generates text from a prompt: no tool calls, no images, no reasoning
 * channel. (Its `grammar` parameter constrains output to a JSON schema, but that is left out of
 * this example to keep it small.)
 */
export const tgiCapabilities = {
  chat: {
    streaming: true,
    tools: false,
    parallelTools: false,
    images: false,
    files: false,
    audio: false,
    reasoning: false,
    jsonObject: false,
    jsonSchema: false,
  },
} as const satisfies ProviderCapabilities;
