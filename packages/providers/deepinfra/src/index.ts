import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { deepInfraPreset } from './deepinfra-preset.js';

/** The DeepInfra adapter: the OpenAI-compatible adapter configured by `deepInfraPreset`. */
export function createDeepInfraProvider() {
  return createOpenAICompatibleProvider(deepInfraPreset);
}

export { deepInfraPreset } from './deepinfra-preset.js';
