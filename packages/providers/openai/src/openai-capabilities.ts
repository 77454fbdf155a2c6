import { type ProviderCapabilities, endpointIds } from '@switchyard/core';

export const openAICapabilities: ProviderCapabilities = {
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
  // Every endpoint of the OpenAI API, forwarded as is by `proxy`.
  endpoints: endpointIds,
};
