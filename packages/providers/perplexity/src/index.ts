import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { perplexityPreset } from './perplexity-preset.js';

/** The Perplexity adapter: the OpenAI-compatible adapter configured by `perplexityPreset`. */
export function createPerplexityProvider() {
  return createOpenAICompatibleProvider(perplexityPreset);
}

export { perplexityPreset } from './perplexity-preset.js';
