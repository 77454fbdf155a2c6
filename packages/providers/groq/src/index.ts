import { createOpenAICompatibleProvider } from '@switchyard/provider-openai-compatible';
import { groqPreset } from './groq-preset.js';

/** The Groq adapter: the OpenAI-compatible adapter configured by `groqPreset`. */
export function createGroqProvider() {
  return createOpenAICompatibleProvider(groqPreset);
}

export { groqPreset } from './groq-preset.js';
