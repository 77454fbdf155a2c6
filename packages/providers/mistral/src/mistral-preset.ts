import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * Mistral's chat completions, through the OpenAI-compatible adapter.
 * https://docs.mistral.ai/api/#tag/chat/operation/chat_completion_v1_chat_completions_post
 *
 * Mistral validates requests strictly (pydantic `extra_forbidden`, answered 422), so every
 * OpenAI field it lacks is renamed or dropped with a warning rather than forwarded.
 */
export const mistralPreset = {
  id: 'mistral',
  name: 'Mistral',
  aliases: ['mistral-ai'],
  baseURL: 'https://api.mistral.ai/v1',
  environment: { apiKey: 'MISTRAL_API_KEY', baseURL: 'MISTRAL_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  models: [
    'mistral-large-latest',
    'mistral-medium-latest',
    'mistral-small-latest',
    'magistral-medium-latest',
    'magistral-small-latest',
    'codestral-latest',
    'devstral-medium-latest',
    'pixtral-large-latest',
    'ministral-8b-latest',
  ],
  capabilities: {
    streaming: true,
    tools: true,
    parallelTools: true,
    images: true,
    files: true,
    audio: false,
    reasoning: true,
    jsonObject: true,
    jsonSchema: true,
  },
  quirks: {
    // "max_completion_tokens: Extra inputs are not permitted".
    maxTokensField: 'max_tokens',
    seedField: 'random_seed',
    // Usage always comes on the finish chunk; stream_options is refused.
    supportsStreamOptions: false,
    usageInStream: 'finish-chunk',
    // OpenAI fields Mistral has no use for, and `name` on messages (refused on user and assistant turns).
    stripFields: ['user', 'store', 'logprobs', 'top_logprobs', 'logit_bias', 'service_tier', 'modalities', 'audio', 'prediction', 'messages.name'],
    // A streamed tool call arrives whole, with no index and no type, on the finish chunk.
    toolCallsWithoutIndex: true,
    // magistral answers `content: [{ type: 'thinking', thinking: [{ type: 'text', text }] }, { type: 'text', text }]`,
    // in messages and in deltas, and takes its thinking back the same way.
    contentAsArray: true,
    reasoningInHistory: 'thinking-chunks',
    developerRole: 'system',
  },
} satisfies OpenAICompatiblePreset;
