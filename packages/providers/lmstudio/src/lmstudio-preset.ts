import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * LM Studio, through the OpenAI-compatible adapter.
 * https://lmstudio.ai/docs/app/api/endpoints/openai
 *
 * Portkey has no LM Studio provider (it is reached there as `openai` with a custom_host). LM Studio takes no API key.
 */
export const lmStudioPreset = {
  id: 'lmstudio',
  name: 'LM Studio',
  baseURL: 'http://127.0.0.1:1234/v1',
  environment: { baseURL: 'LMSTUDIO_BASE_URL' },
  auth: { none: true },
  // https://lmstudio.ai/docs/app/api/endpoints/openai
  endpoints: ['embeddings', 'completions'],
  local: true,
  capabilities: {
    streaming: true,
    tools: true,
    parallelTools: true,
    images: true,
    files: false,
    audio: false,
    reasoning: true,
    jsonObject: false,
    jsonSchema: true,
  },
} satisfies OpenAICompatiblePreset;
