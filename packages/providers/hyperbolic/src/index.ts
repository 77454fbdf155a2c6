import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { hyperbolicPreset } from './hyperbolic-preset.js';

/** The Hyperbolic adapter: the OpenAI-compatible adapter configured by `hyperbolicPreset`. */
export function createHyperbolicProvider() {
  return createOpenAICompatibleProvider(hyperbolicPreset);
}

export { hyperbolicPreset } from './hyperbolic-preset.js';
