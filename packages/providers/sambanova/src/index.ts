import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { sambaNovaPreset } from './sambanova-preset.js';

/** The SambaNova adapter: the OpenAI-compatible adapter configured by `sambaNovaPreset`. */
export function createSambaNovaProvider() {
  return createOpenAICompatibleProvider(sambaNovaPreset);
}

export { sambaNovaPreset } from './sambanova-preset.js';
