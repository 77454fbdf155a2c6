import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * Hugging Face Inference Providers, through the OpenAI-compatible adapter.
 * https://huggingface.co/docs/inference-providers/index
 *
 * Portkey's `huggingface` provider targets the older api-inference host; the router is Hugging Face's OpenAI-compatible endpoint.
 */
export const huggingFacePreset = {
  id: 'huggingface',
  name: 'Hugging Face Inference Providers',
  baseURL: 'https://router.huggingface.co/v1',
  environment: { apiKey: 'HF_TOKEN', baseURL: 'HUGGINGFACE_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  models: ['meta-llama/Llama-3.3-70B-Instruct', 'deepseek-ai/DeepSeek-R1', 'Qwen/Qwen3-235B-A22B-Instruct-2507', 'openai/gpt-oss-120b'],
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
