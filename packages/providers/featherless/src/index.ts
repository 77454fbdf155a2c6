import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { featherlessPreset } from './featherless-preset.js';

/** The Featherless AI adapter: the OpenAI-compatible adapter configured by `featherlessPreset`. */
export function createFeatherlessProvider() {
  return createOpenAICompatibleProvider(featherlessPreset);
}

export { featherlessPreset } from './featherless-preset.js';
