import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { openRouterPreset } from './openrouter-preset.js';

/** The OpenRouter adapter: the OpenAI-compatible adapter configured by `openRouterPreset`. */
export function createOpenRouterProvider() {
  return createOpenAICompatibleProvider(openRouterPreset);
}

export { openRouterPreset } from './openrouter-preset.js';
