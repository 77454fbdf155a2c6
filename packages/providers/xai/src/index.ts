import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { xAIPreset } from './xai-preset.js';

/** The xAI adapter: the OpenAI-compatible adapter configured by `xAIPreset`. */
export function createXAIProvider() {
  return createOpenAICompatibleProvider(xAIPreset);
}

export { xAIPreset } from './xai-preset.js';
