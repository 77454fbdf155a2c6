import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { cerebrasPreset } from './cerebras-preset.js';

/** The Cerebras adapter: the OpenAI-compatible adapter configured by `cerebrasPreset`. */
export function createCerebrasProvider() {
  return createOpenAICompatibleProvider(cerebrasPreset);
}

export { cerebrasPreset } from './cerebras-preset.js';
