import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { novitaPreset } from './novita-preset.js';

/** The Novita AI adapter: the OpenAI-compatible adapter configured by `novitaPreset`. */
export function createNovitaProvider() {
  return createOpenAICompatibleProvider(novitaPreset);
}

export { novitaPreset } from './novita-preset.js';
