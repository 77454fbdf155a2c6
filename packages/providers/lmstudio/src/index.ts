import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { lmStudioPreset } from './lmstudio-preset.js';

/** The LM Studio adapter: the OpenAI-compatible adapter configured by `lmStudioPreset`. */
export function createLMStudioProvider() {
  return createOpenAICompatibleProvider(lmStudioPreset);
}

export { lmStudioPreset } from './lmstudio-preset.js';
