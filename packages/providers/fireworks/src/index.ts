import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { fireworksPreset } from './fireworks-preset.js';

/** The Fireworks AI adapter: the OpenAI-compatible adapter configured by `fireworksPreset`. */
export function createFireworksProvider() {
  return createOpenAICompatibleProvider(fireworksPreset);
}

export { fireworksPreset } from './fireworks-preset.js';
