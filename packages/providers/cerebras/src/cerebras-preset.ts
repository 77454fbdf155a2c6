import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * Cerebras, through the OpenAI-compatible adapter.
 * https://inference-docs.cerebras.ai/resources/openai
 */
export const cerebrasPreset = {
  id: 'cerebras',
  name: 'Cerebras',
  baseURL: 'https://api.cerebras.ai/v1',
  environment: { apiKey: 'CEREBRAS_API_KEY', baseURL: 'CEREBRAS_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  endpoints: ['completions'],
  models: ['llama-3.3-70b', 'llama3.1-8b', 'gpt-oss-120b', 'qwen-3-32b'],
  capabilities: {
    streaming: true,
    tools: true,
    parallelTools: false,
    images: false,
    files: false,
    audio: false,
    reasoning: true,
    jsonObject: true,
    jsonSchema: true,
  },
  quirks: {
    // Reasoning models answer with a separate `reasoning` field.
    reasoningField: 'reasoning',
    // Usage (with `time_info`) comes in the last chunk.
    usageInStream: 'final-chunk',
    // Refused by Cerebras: https://inference-docs.cerebras.ai/resources/openai#currently-unsupported-openai-features
    stripFields: ['frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'parallel_tool_calls', 'service_tier'],
  },
} satisfies OpenAICompatiblePreset;
