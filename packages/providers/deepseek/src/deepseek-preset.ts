import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * DeepSeek, through the OpenAI-compatible adapter.
 * https://api-docs.deepseek.com/api/create-chat-completion
 */
export const deepSeekPreset = {
  id: 'deepseek',
  name: 'DeepSeek',
  baseURL: 'https://api.deepseek.com',
  chatCompletionsPath: '/v1/chat/completions',
  environment: { apiKey: 'DEEPSEEK_API_KEY', baseURL: 'DEEPSEEK_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  models: ['deepseek-chat', 'deepseek-reasoner'],
  capabilities: {
    streaming: true,
    tools: true,
    parallelTools: true,
    images: false,
    files: false,
    audio: false,
    reasoning: true,
    jsonObject: true,
    jsonSchema: false,
  },
  quirks: {
    // Thinking arrives as `reasoning_content`, before the content (the other field is null meanwhile).
    reasoningField: 'reasoning_content',
    // After a thinking turn with tool calls DeepSeek requires its `reasoning_content` back in later requests, or it answers 400: https://api-docs.deepseek.com/guides/thinking_mode#tool-calls
    reasoningInHistory: 'reasoning_content',
    // With include_usage, usage (with prompt_cache_hit_tokens / prompt_cache_miss_tokens) is on the finish chunk itself.
    usageInStream: 'finish-chunk',
    // DeepSeek documents `max_tokens` only.
    maxTokensField: 'max_tokens',
    // Roles are system, user, assistant and tool.
    developerRole: 'system',
  },
} satisfies OpenAICompatiblePreset;
