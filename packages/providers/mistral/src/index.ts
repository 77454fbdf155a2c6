import { defineProvider } from '@switchyard/core';
import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { createMistralEmbeddings } from './mistral-embeddings.js';
import { createMistralModeration } from './mistral-moderations.js';
import { mistralPreset } from './mistral-preset.js';
import { mistralRequestExtensions } from './mistral-request-extensions.js';

/**
 * The Mistral adapter: the OpenAI-compatible adapter with Mistral's preset (field names,
 * refused fields, thinking chunks, whole tool calls) and its request extensions (9-character
 * tool call ids, document chunks). Error bodies — the flat `{ object: 'error', message, type,
 * param, code }` and the 422 validation reports — are read by the compatible error describer.
 * Embeddings and moderation are translated to Mistral's APIs.
 * `safe_prompt` and other Mistral fields travel in `providerOptions.mistral` (or as top-level
 * fields of an OpenAI client's body).
 */
export function createMistralProvider() {
  const base = createOpenAICompatibleProvider(mistralPreset, mistralRequestExtensions);
  return defineProvider({
    ...base,
    // Embeddings are translated too: the shapes match but Mistral names the output size
    // `output_dimension` and refuses OpenAI's `dimensions`.
    capabilities: { ...base.capabilities, endpoints: ['embeddings', 'moderations'] },
    embeddings: { create: createMistralEmbeddings },
    moderations: { create: createMistralModeration },
  });
}

export { mistralPreset } from './mistral-preset.js';
export { mistralRequestExtensions } from './mistral-request-extensions.js';
export { toMistralToolCallId } from './to-mistral-tool-call-id.js';
export { createMistralEmbeddings, decodeMistralEmbeddingResponse } from './mistral-embeddings.js';
export { createMistralModeration, decodeMistralModerationResponse, defaultMistralModerationModel } from './mistral-moderations.js';
export { mapMistralModerationCategories, openAINameForMistralCategory } from './map-mistral-moderation-categories.js';
