import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * Nebius Token Factory, through the OpenAI-compatible adapter.
 * https://docs.tokenfactory.nebius.com/api-reference/introduction
 *
 * Portkey still uses the AI Studio host `https://api.studio.nebius.ai/v1`; Nebius renamed the service Token Factory and documents this base now.
 */
export const nebiusPreset = {
  id: 'nebius',
  name: 'Nebius Token Factory',
  baseURL: 'https://api.tokenfactory.nebius.com/v1',
  environment: { apiKey: 'NEBIUS_API_KEY', baseURL: 'NEBIUS_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  endpoints: ['embeddings', 'completions'],
  models: ['meta-llama/Llama-3.3-70B-Instruct', 'deepseek-ai/DeepSeek-R1-0528', 'Qwen/Qwen3-235B-A22B-Instruct-2507'],
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
