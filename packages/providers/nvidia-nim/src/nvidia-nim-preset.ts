import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * NVIDIA NIM, through the OpenAI-compatible adapter.
 * https://docs.api.nvidia.com/nim/reference/llm-apis
 *
 * Portkey has no NVIDIA provider. Self-hosted NIM containers speak the same API: point the base URL at them.
 */
export const nvidiaNimPreset = {
  id: 'nvidia-nim',
  name: 'NVIDIA NIM',
  baseURL: 'https://integrate.api.nvidia.com/v1',
  environment: { apiKey: 'NVIDIA_API_KEY', baseURL: 'NVIDIA_NIM_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  endpoints: ['embeddings'],
  models: ['meta/llama-3.3-70b-instruct', 'deepseek-ai/deepseek-r1', 'nvidia/llama-3.1-nemotron-70b-instruct', 'qwen/qwen3-235b-a22b'],
  capabilities: {
    streaming: true,
    tools: true,
    parallelTools: true,
    images: true,
    files: false,
    audio: false,
    reasoning: true,
    jsonObject: true,
    jsonSchema: true,
  },
} satisfies OpenAICompatiblePreset;
