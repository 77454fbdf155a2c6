import type { OpenAICompatiblePreset } from '@switchyard/provider-openai-compatible';

/**
 * Groq, through the OpenAI-compatible adapter.
 * https://console.groq.com/docs/openai
 */
export const groqPreset = {
  id: 'groq',
  name: 'Groq',
  baseURL: 'https://api.groq.com/openai/v1',
  environment: { apiKey: 'GROQ_API_KEY', baseURL: 'GROQ_BASE_URL' },
  auth: { header: 'authorization', scheme: 'Bearer' },
  // Whisper transcription/translation and PlayAI speech: https://console.groq.com/docs/speech-to-text
  endpoints: ['audio.transcriptions', 'audio.translations', 'audio.speech'],
  models: ['llama-3.3-70b-versatile', 'llama-3.1-8b-instant', 'meta-llama/llama-4-scout-17b-16e-instruct', 'openai/gpt-oss-120b', 'qwen/qwen3-32b'],
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
  quirks: {
    // With `reasoning_format: "parsed"` (or `include_reasoning`) the reasoning is in `message.reasoning`; with "raw" it stays in `<think>` tags inside the content, as the client asked.
    reasoningField: 'reasoning',
    // Usage rides on the finish chunk under `x_groq.usage` (newer answers repeat it at the top level).
    usageInStream: 'x_groq',
    // Refused by Groq: https://console.groq.com/docs/openai#unsupported-features
    stripFields: ['logprobs', 'logit_bias', 'top_logprobs', 'messages.name'],
  },
} satisfies OpenAICompatiblePreset;
