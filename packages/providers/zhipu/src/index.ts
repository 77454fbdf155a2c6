import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { zhipuPreset } from './zhipu-preset.js';

/** The Zhipu AI (BigModel) adapter: the OpenAI-compatible adapter configured by `zhipuPreset`. */
export function createZhipuProvider() {
  return createOpenAICompatibleProvider(zhipuPreset);
}

export { zhipuPreset } from './zhipu-preset.js';
