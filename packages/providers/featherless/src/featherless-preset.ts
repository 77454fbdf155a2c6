import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * Featherless AI, through the OpenAI-compatible adapter.
 * https://featherless.ai/docs/api-overview-and-common-options
 */
export const featherlessPreset = {
  id: 'featherless',
  name: 'Featherless AI',
  aliases: ['featherless-ai'],
  baseURL: 'https://api.featherless.ai/v1',
  environment: { apiKey: 'FEATHERLESS_API_KEY', baseURL: 'FEATHERLESS_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  endpoints: ['completions'],
  models: ['meta-llama/Meta-Llama-3.1-8B-Instruct', 'Qwen/Qwen2.5-72B-Instruct', 'mistralai/Magistral-Small-2506'],
  capabilities: {
    streaming: true,
    tools: true,
    parallelTools: true,
    images: false,
    files: false,
    audio: false,
    reasoning: true,
    jsonObject: false,
    jsonSchema: false,
  },
} satisfies OpenAICompatiblePreset;
