import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { vllmPreset } from './vllm-preset.js';

/** The vLLM adapter: the OpenAI-compatible adapter configured by `vllmPreset`. */
export function createVLLMProvider() {
  return createOpenAICompatibleProvider(vllmPreset);
}

export { vllmPreset } from './vllm-preset.js';
