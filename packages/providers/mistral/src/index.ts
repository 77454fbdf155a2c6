import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { mistralPreset } from './mistral-preset.js';
import { mistralRequestExtensions } from './mistral-request-extensions.js';

/**
 * The Mistral adapter: the OpenAI-compatible adapter with Mistral's preset (field names,
 * refused fields, thinking chunks, whole tool calls) and its request extensions (9-character
 * tool call ids, document chunks). Error bodies — the flat `{ object: 'error', message, type,
 * param, code }` and the 422 validation reports — are read by the compatible error describer.
 * `safe_prompt` and other Mistral fields travel in `providerOptions.mistral` (or as top-level
 * fields of an OpenAI client's body).
 */
export function createMistralProvider() {
  return createOpenAICompatibleProvider(mistralPreset, mistralRequestExtensions);
}

export { mistralPreset } from './mistral-preset.js';
export { mistralRequestExtensions } from './mistral-request-extensions.js';
export { toMistralToolCallId } from './to-mistral-tool-call-id.js';
