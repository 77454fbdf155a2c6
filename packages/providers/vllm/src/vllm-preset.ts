import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * vLLM, through the OpenAI-compatible adapter.
 * https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html
 *
 * Portkey has no vLLM provider. The key is optional: the server checks it only when started with `--api-key` (or VLLM_API_KEY).
 */
export const vllmPreset = {
  id: 'vllm',
  name: 'vLLM',
  baseURL: 'http://127.0.0.1:8000/v1',
  environment: { apiKey: 'VLLM_API_KEY', baseURL: 'VLLM_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  // vLLM's OpenAI-compatible server: https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html
  endpoints: ['embeddings', 'completions'],
  local: true,
  capabilities: {
    streaming: true,
    tools: true,
    parallelTools: true,
    images: true,
    files: false,
    audio: true,
    reasoning: true,
    jsonObject: true,
    jsonSchema: true,
  },
  quirks: {
    // With a reasoning parser, vLLM 0.10+ answers with `reasoning` (older versions: `reasoning_content`, still read).
    reasoningField: 'reasoning',
  },
} satisfies OpenAICompatiblePreset;
