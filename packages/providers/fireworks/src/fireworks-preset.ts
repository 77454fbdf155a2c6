import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * Fireworks AI, through the OpenAI-compatible adapter.
 * https://docs.fireworks.ai/tools-sdks/openai-compatibility
 */
export const fireworksPreset = {
  id: 'fireworks',
  name: 'Fireworks AI',
  aliases: ['fireworks-ai'],
  baseURL: 'https://api.fireworks.ai/inference/v1',
  environment: { apiKey: 'FIREWORKS_API_KEY', baseURL: 'FIREWORKS_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  // https://docs.fireworks.ai/api-reference
  endpoints: ['embeddings', 'completions'],
  models: ['accounts/fireworks/models/llama-v3p3-70b-instruct', 'accounts/fireworks/models/deepseek-r1', 'accounts/fireworks/models/qwen3-235b-a22b', 'accounts/fireworks/models/kimi-k2-instruct'],
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
    // Usage comes on the last chunk, with the finish reason.
    usageInStream: 'finish-chunk',
    // The documented output cap is `max_tokens` (Portkey maps `max_completion_tokens` to it as well).
    maxTokensField: 'max_tokens',
  },
} satisfies OpenAICompatiblePreset;
