import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * SambaNova, through the OpenAI-compatible adapter.
 * https://docs.sambanova.ai/cloud/api-reference/endpoints/chat
 */
export const sambaNovaPreset = {
  id: 'sambanova',
  name: 'SambaNova',
  baseURL: 'https://api.sambanova.ai',
  chatCompletionsPath: '/v1/chat/completions',
  environment: { apiKey: 'SAMBANOVA_API_KEY', baseURL: 'SAMBANOVA_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  models: ['Meta-Llama-3.3-70B-Instruct', 'DeepSeek-R1', 'Llama-4-Maverick-17B-128E-Instruct', 'Qwen3-32B'],
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
