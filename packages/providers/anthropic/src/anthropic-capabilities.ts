import type { ProviderCapabilities } from '@switchyard/core';

export const anthropicCapabilities: ProviderCapabilities = {
  chat: {
    streaming: true,
    tools: true,
    parallelTools: true,
    images: true,
    // PDFs and plain-text documents (base64, URL or Files API id).
    files: true,
    audio: false,
    reasoning: true,
    // No JSON mode without a schema; json_object is dropped with a warning.
    jsonObject: false,
    // output_config.format (structured outputs).
    jsonSchema: true,
  },
  // Message Batches, fed from OpenAI batch input files the gateway keeps (no files API of its own in OpenAI's shape).
  endpoints: ['batches'],
};
