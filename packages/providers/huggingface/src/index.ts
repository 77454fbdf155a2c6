import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { huggingFacePreset } from './huggingface-preset.js';

/** The Hugging Face Inference Providers adapter: the OpenAI-compatible adapter configured by `huggingFacePreset`. */
export function createHuggingFaceProvider() {
  return createOpenAICompatibleProvider(huggingFacePreset);
}

export { huggingFacePreset } from './huggingface-preset.js';
