import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * Hyperbolic, through the OpenAI-compatible adapter.
 * https://docs.hyperbolic.xyz/docs/rest-api
 */
export const hyperbolicPreset = {
  id: 'hyperbolic',
  name: 'Hyperbolic',
  baseURL: 'https://api.hyperbolic.xyz',
  chatCompletionsPath: '/v1/chat/completions',
  environment: { apiKey: 'HYPERBOLIC_API_KEY', baseURL: 'HYPERBOLIC_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  models: ['meta-llama/Llama-3.3-70B-Instruct', 'deepseek-ai/DeepSeek-R1', 'Qwen/Qwen2.5-VL-72B-Instruct'],
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
} satisfies OpenAICompatiblePreset;
