import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { zaiPreset } from './zai-preset.js';

/** The Z.ai adapter: the OpenAI-compatible adapter configured by `zaiPreset`. */
export function createZaiProvider() {
  return createOpenAICompatibleProvider(zaiPreset);
}

export { zaiPreset } from './zai-preset.js';
