import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { dashScopePreset } from './dashscope-preset.js';

/** The Alibaba Cloud Model Studio (DashScope) adapter: the OpenAI-compatible adapter configured by `dashScopePreset`. */
export function createDashScopeProvider() {
  return createOpenAICompatibleProvider(dashScopePreset);
}

export { dashScopePreset } from './dashscope-preset.js';
