import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * OpenRouter, through the OpenAI-compatible adapter.
 * https://openrouter.ai/docs/api-reference/chat-completion
 */
export const openRouterPreset = {
  id: 'openrouter',
  name: 'OpenRouter',
  baseURL: 'https://openrouter.ai/api',
  chatCompletionsPath: '/v1/chat/completions',
  environment: { apiKey: 'OPENROUTER_API_KEY', baseURL: 'OPENROUTER_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  endpoints: ['completions'],
  models: ['openai/gpt-4o', 'anthropic/claude-sonnet-4.5', 'google/gemini-2.5-pro', 'deepseek/deepseek-r1', 'meta-llama/llama-3.3-70b-instruct'],
  capabilities: {
    streaming: true,
    tools: true,
    parallelTools: true,
    images: true,
    files: true,
    audio: true,
    reasoning: true,
    jsonObject: true,
    jsonSchema: true,
  },
  quirks: {
    // Reasoning comes as `reasoning` (and structured `reasoning_details`, kept verbatim for OpenAI clients).
    reasoningField: 'reasoning',
    // Earlier reasoning is sent back as the assistant message's `reasoning`: https://openrouter.ai/docs/use-cases/reasoning-tokens#preserving-reasoning-blocks
    reasoningInHistory: 'reasoning',
    // Usage follows OpenAI's include_usage chunk.
    usageInStream: 'final-chunk',
  },
} satisfies OpenAICompatiblePreset;
