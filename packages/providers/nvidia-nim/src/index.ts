import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { nvidiaNimPreset } from './nvidia-nim-preset.js';

/** The NVIDIA NIM adapter: the OpenAI-compatible adapter configured by `nvidiaNimPreset`. */
export function createNvidiaNimProvider() {
  return createOpenAICompatibleProvider(nvidiaNimPreset);
}

export { nvidiaNimPreset } from './nvidia-nim-preset.js';
