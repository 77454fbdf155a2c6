import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * SiliconFlow, through the OpenAI-compatible adapter.
 * https://docs.siliconflow.com/en/api-reference/chat-completions/chat-completions
 *
 * Portkey uses the mainland host `https://api.siliconflow.cn/v1`; keys of the international platform (this default) work on `api.siliconflow.com`.
 */
export const siliconFlowPreset = {
  id: 'siliconflow',
  name: 'SiliconFlow',
  baseURL: 'https://api.siliconflow.com/v1',
  environment: { apiKey: 'SILICONFLOW_API_KEY', baseURL: 'SILICONFLOW_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  endpoints: ['embeddings'],
  models: ['deepseek-ai/DeepSeek-V3', 'deepseek-ai/DeepSeek-R1', 'Qwen/Qwen3-235B-A22B', 'moonshotai/Kimi-K2-Instruct'],
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
    // Reasoning models answer with `reasoning_content`.
    reasoningField: 'reasoning_content',
    // SiliconFlow documents `max_tokens` only.
    maxTokensField: 'max_tokens',
  },
} satisfies OpenAICompatiblePreset;
