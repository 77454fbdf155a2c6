import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * Moonshot AI (Kimi), through the OpenAI-compatible adapter.
 * https://platform.moonshot.ai/docs/api/chat
 *
 * Portkey uses the mainland host `https://api.moonshot.cn`; keys of the international platform (this default) work only on `api.moonshot.ai`.
 */
export const moonshotPreset = {
  id: 'moonshot',
  name: 'Moonshot AI (Kimi)',
  baseURL: 'https://api.moonshot.ai',
  chatCompletionsPath: '/v1/chat/completions',
  environment: { apiKey: 'MOONSHOT_API_KEY', baseURL: 'MOONSHOT_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  models: ['kimi-k2-0905-preview', 'kimi-k2-thinking', 'moonshot-v1-128k', 'kimi-latest'],
  capabilities: {
    streaming: true,
    tools: true,
    parallelTools: true,
    images: true,
    files: false,
    audio: false,
    reasoning: true,
    jsonObject: true,
    jsonSchema: false,
  },
  quirks: {
    // kimi-k2-thinking answers with `reasoning_content`.
    reasoningField: 'reasoning_content',
    // kimi-k2-thinking needs its `reasoning_content` kept in the history across tool-call steps.
    reasoningInHistory: 'reasoning_content',
    // Moonshot documents `max_tokens` only.
    maxTokensField: 'max_tokens',
    // Roles are system, user, assistant and tool.
    developerRole: 'system',
  },
} satisfies OpenAICompatiblePreset;
