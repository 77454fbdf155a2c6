import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * Zhipu AI (BigModel), through the OpenAI-compatible adapter.
 * https://docs.bigmodel.cn/api-reference
 */
export const zhipuPreset = {
  id: 'zhipu',
  name: 'Zhipu AI (BigModel)',
  baseURL: 'https://open.bigmodel.cn/api/paas/v4',
  environment: { apiKey: 'ZHIPUAI_API_KEY', baseURL: 'ZHIPU_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  endpoints: ['embeddings'],
  models: ['glm-4.6', 'glm-4.5', 'glm-4.5-air', 'glm-4v-plus'],
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
    // Zhipu documents `max_tokens` only.
    maxTokensField: 'max_tokens',
    // Roles are system, user, assistant and tool.
    developerRole: 'system',
  },
} satisfies OpenAICompatiblePreset;
