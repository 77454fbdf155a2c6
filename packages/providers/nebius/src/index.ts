import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { nebiusPreset } from './nebius-preset.js';

/** The Nebius Token Factory adapter: the OpenAI-compatible adapter configured by `nebiusPreset`. */
export function createNebiusProvider() {
  return createOpenAICompatibleProvider(nebiusPreset);
}

export { nebiusPreset } from './nebius-preset.js';
