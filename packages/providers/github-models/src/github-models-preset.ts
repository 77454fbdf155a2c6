import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * GitHub Models, through the OpenAI-compatible adapter.
 * https://docs.github.com/en/rest/models/inference
 *
 * Portkey's `github` provider still targets `https://models.inference.ai.azure.com`, which GitHub retired on 2025-10-17: https://github.blog/changelog/2025-07-17-deprecation-of-azure-endpoint-for-github-models
 */
export const gitHubModelsPreset = {
  id: 'github-models',
  name: 'GitHub Models',
  aliases: ['github'],
  baseURL: 'https://models.github.ai/inference',
  environment: { apiKey: 'GITHUB_TOKEN', baseURL: 'GITHUB_MODELS_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  endpoints: ['embeddings'],
  models: ['openai/gpt-4.1', 'openai/gpt-4o-mini', 'meta/Llama-3.3-70B-Instruct', 'deepseek/DeepSeek-R1', 'mistral-ai/mistral-small-2503'],
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
