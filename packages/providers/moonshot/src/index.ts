import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { moonshotPreset } from './moonshot-preset.js';

/** The Moonshot AI (Kimi) adapter: the OpenAI-compatible adapter configured by `moonshotPreset`. */
export function createMoonshotProvider() {
  return createOpenAICompatibleProvider(moonshotPreset);
}

export { moonshotPreset } from './moonshot-preset.js';
