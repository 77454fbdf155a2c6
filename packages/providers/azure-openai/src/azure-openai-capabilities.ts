import type { ProviderCapabilities } from '@switchyard/core';

/**
 * Azure OpenAI serves OpenAI's models behind Chat Completions: tools, vision, audio input (the
 * gpt-4o audio deployments), reasoning models and structured outputs. PDF `file` parts are an
 * OpenAI Chat Completions feature Azure documents only for the Responses API, so they are refused
 * up front rather than sent to a 400.
 */
export const azureOpenAICapabilities: ProviderCapabilities = {
  chat: {
    streaming: true,
    tools: true,
    parallelTools: true,
    images: true,
    files: false,
    audio: true,
    reasoning: true,
    jsonObject: true,
    jsonSchema: true,
  },
  // Azure has no moderations endpoint (content filtering is built into each deployment) and no
  // dall-e-2, hence no image variations; image edits need gpt-image-1 and a recent api version.
  endpoints: [
    'embeddings',
    'images.generations',
    'images.edits',
    'audio.speech',
    'audio.transcriptions',
    'audio.translations',
    'files',
    'batches',
    'fine_tuning',
    'completions',
  ],
};
