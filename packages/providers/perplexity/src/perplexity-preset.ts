import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * Perplexity, through the OpenAI-compatible adapter.
 * https://docs.perplexity.ai/api-reference/chat-completions-post
 */
export const perplexityPreset = {
  id: 'perplexity',
  name: 'Perplexity',
  aliases: ['perplexity-ai'],
  baseURL: 'https://api.perplexity.ai',
  environment: { apiKey: 'PERPLEXITY_API_KEY', baseURL: 'PERPLEXITY_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  models: ['sonar', 'sonar-pro', 'sonar-reasoning', 'sonar-reasoning-pro', 'sonar-deep-research'],
  capabilities: {
    streaming: true,
    tools: false,
    parallelTools: false,
    images: true,
    files: false,
    audio: false,
    reasoning: true,
    jsonObject: false,
    jsonSchema: true,
  },
  quirks: {
    // Search results ride beside the answer (on every stream chunk); they are kept as provider metadata.
    metadataFields: ['citations', 'search_results', 'images', 'related_questions'],
    // Usage comes with the finish reason; the stream may end without `[DONE]`.
    usageInStream: 'finish-chunk',
    // Perplexity documents `max_tokens` only.
    maxTokensField: 'max_tokens',
    // Roles are system, user and assistant.
    developerRole: 'system',
  },
} satisfies OpenAICompatiblePreset;
