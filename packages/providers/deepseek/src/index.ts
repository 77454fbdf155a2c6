import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { deepSeekPreset } from './deepseek-preset.js';

/** The DeepSeek adapter: the OpenAI-compatible adapter configured by `deepSeekPreset`. */
export function createDeepSeekProvider() {
  return createOpenAICompatibleProvider(deepSeekPreset);
}

export { deepSeekPreset } from './deepseek-preset.js';
