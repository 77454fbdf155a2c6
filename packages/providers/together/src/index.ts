import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { togetherPreset } from './together-preset.js';

/** The Together AI adapter: the OpenAI-compatible adapter configured by `togetherPreset`. */
export function createTogetherProvider() {
  return createOpenAICompatibleProvider(togetherPreset);
}

export { togetherPreset } from './together-preset.js';
