import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * Novita AI, through the OpenAI-compatible adapter.
 * https://novita.ai/docs/guides/llm-api
 *
 * Portkey appends `/v1/chat/completions` to `https://api.novita.ai/v3/openai`; the same path after Novita's current base gives its documented URL.
 */
export const novitaPreset = {
  id: 'novita',
  name: 'Novita AI',
  aliases: ['novita-ai'],
  baseURL: 'https://api.novita.ai/openai',
  chatCompletionsPath: '/v1/chat/completions',
  environment: { apiKey: 'NOVITA_API_KEY', baseURL: 'NOVITA_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  models: ['deepseek/deepseek-v3-0324', 'deepseek/deepseek-r1', 'meta-llama/llama-3.3-70b-instruct', 'qwen/qwen3-235b-a22b-fp8'],
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
