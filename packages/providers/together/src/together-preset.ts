import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * Together AI, through the OpenAI-compatible adapter.
 * https://docs.together.ai/docs/openai-api-compatibility
 */
export const togetherPreset = {
  id: 'together',
  name: 'Together AI',
  aliases: ['together-ai'],
  baseURL: 'https://api.together.xyz',
  chatCompletionsPath: '/v1/chat/completions',
  environment: { apiKey: 'TOGETHER_API_KEY', baseURL: 'TOGETHER_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  // https://docs.together.ai/reference
  endpoints: ['embeddings', 'completions', 'images.generations'],
  models: ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'deepseek-ai/DeepSeek-R1', 'Qwen/Qwen3-235B-A22B-Instruct-2507-tput', 'moonshotai/Kimi-K2-Instruct'],
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
    // Reasoning models answer with a separate `reasoning` field.
    reasoningField: 'reasoning',
    // Usage comes on the last chunk, with the finish reason.
    usageInStream: 'finish-chunk',
    // The documented output cap is `max_tokens` (Portkey maps `max_completion_tokens` to it as well).
    maxTokensField: 'max_tokens',
  },
} satisfies OpenAICompatiblePreset;
