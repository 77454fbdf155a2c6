import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * xAI, through the OpenAI-compatible adapter.
 * https://docs.x.ai/docs/api-reference#chat-completions
 */
export const xAIPreset = {
  id: 'xai',
  name: 'xAI',
  aliases: ['x-ai'],
  baseURL: 'https://api.x.ai/v1',
  environment: { apiKey: 'XAI_API_KEY', baseURL: 'XAI_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  // https://docs.x.ai/docs/guides/image-generations
  endpoints: ['images.generations'],
  models: ['grok-4', 'grok-4-fast-reasoning', 'grok-3', 'grok-3-mini'],
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
    // grok-3-mini returns its thinking as `reasoning_content`; grok-4 keeps it hidden.
    reasoningField: 'reasoning_content',
    // Usage follows OpenAI's include_usage chunk.
    usageInStream: 'final-chunk',
    // `completion_tokens` leaves out `reasoning_tokens` (total = prompt + completion + reasoning): https://docs.x.ai/docs/guides/reasoning
    reasoningTokensOutsideCompletion: true,
  },
} satisfies OpenAICompatiblePreset;
