import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * DeepInfra, through the OpenAI-compatible adapter.
 * https://deepinfra.com/docs/openai_api
 */
export const deepInfraPreset = {
  id: 'deepinfra',
  name: 'DeepInfra',
  baseURL: 'https://api.deepinfra.com/v1/openai',
  environment: { apiKey: 'DEEPINFRA_API_KEY', baseURL: 'DEEPINFRA_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  // https://deepinfra.com/docs/openai_api
  endpoints: ['embeddings', 'completions'],
  models: ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'deepseek-ai/DeepSeek-R1', 'Qwen/Qwen3-235B-A22B-Instruct-2507'],
  capabilities: {
    streaming: true,
    tools: true,
    parallelTools: true,
    images: true,
    files: false,
    audio: false,
    reasoning: true,
    jsonObject: true,
    jsonSchema: true,
  },
  quirks: {
    // Reasoning models answer with `reasoning_content`.
    reasoningField: 'reasoning_content',
  },
} satisfies OpenAICompatiblePreset;
