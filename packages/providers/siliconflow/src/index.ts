import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { siliconFlowPreset } from './siliconflow-preset.js';

/** The SiliconFlow adapter: the OpenAI-compatible adapter configured by `siliconFlowPreset`. */
export function createSiliconFlowProvider() {
  return createOpenAICompatibleProvider(siliconFlowPreset);
}

export { siliconFlowPreset } from './siliconflow-preset.js';
