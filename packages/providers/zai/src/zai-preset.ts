import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * Z.ai, through the OpenAI-compatible adapter.
 * https://docs.z.ai/api-reference/llm/chat-completion
 */
export const zaiPreset = {
  id: 'zai',
  name: 'Z.ai',
  aliases: ['z-ai'],
  baseURL: 'https://api.z.ai/api/paas/v4',
  environment: { apiKey: 'ZAI_API_KEY', baseURL: 'ZAI_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  models: ['glm-4.6', 'glm-4.5', 'glm-4.5-air', 'glm-4.5v'],
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
    // GLM-4.5 and later answer their thinking as `reasoning_content`.
    reasoningField: 'reasoning_content',
    // Z.ai documents `max_tokens` only.
    maxTokensField: 'max_tokens',
    // Roles are system, user, assistant and tool.
    developerRole: 'system',
  },
} satisfies OpenAICompatiblePreset;
