import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * Alibaba Cloud Model Studio (DashScope), through the OpenAI-compatible adapter.
 * https://www.alibabacloud.com/help/en/model-studio/compatibility-of-openai-with-dashscope
 *
 * International (Singapore) endpoint, as Portkey; mainland keys use `https://dashscope.aliyuncs.com/compatible-mode/v1`.
 */
export const dashScopePreset = {
  id: 'dashscope',
  name: 'Alibaba Cloud Model Studio (DashScope)',
  baseURL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
  environment: { apiKey: 'DASHSCOPE_API_KEY', baseURL: 'DASHSCOPE_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  endpoints: ['embeddings'],
  models: ['qwen-plus', 'qwen-max', 'qwen-turbo', 'qwen3-235b-a22b', 'qwq-plus', 'qwen-vl-max'],
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
    // Qwen thinking models (`enable_thinking`, QwQ) answer with `reasoning_content`.
    reasoningField: 'reasoning_content',
    // Roles are system, user, assistant and tool.
    developerRole: 'system',
  },
} satisfies OpenAICompatiblePreset;
