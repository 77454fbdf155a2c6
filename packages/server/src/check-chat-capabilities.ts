import { type ChatCapabilities, type ChatRequest, UnsupportedError, type Warning } from '@switchyard/core';

/**
 * Refuses, before any upstream call, what the provider declares it cannot do — a clear 400
 * naming the provider and the feature beats a provider error or a silent drop. Reasoning
 * settings are only a hint, so a provider without reasoning gets a warning instead.
 */
export function checkChatCapabilities(request: ChatRequest, provider: string, capabilities: ChatCapabilities | undefined, warn: (warning: Warning) => void): void {
  const refuse = (feature: string, param: string) => {
    throw new UnsupportedError(`Provider "${provider}" does not support ${feature}.`, { param, code: 'unsupported_feature', provider });
  };
  if (!capabilities) return refuse('chat', 'model');
  if (request.stream && !capabilities.streaming) refuse('streaming', 'stream');
  if (request.tools?.length && !capabilities.tools) refuse('tools', 'tools');
  const format = request.responseFormat?.type;
  if (format === 'json_schema' && !capabilities.jsonSchema) refuse('structured output with a JSON schema', 'response_format');
  if (format === 'json_object' && !capabilities.jsonObject && !capabilities.jsonSchema) refuse('JSON mode', 'response_format');
  for (const message of request.messages) {
    for (const part of message.content) {
      if (part.type === 'image' && !capabilities.images) refuse('image input', 'messages');
      if (part.type === 'file' && !capabilities.files) refuse('file (PDF) input', 'messages');
      if (part.type === 'audio' && !capabilities.audio) refuse('audio input', 'messages');
    }
  }
  if (request.reasoning && !capabilities.reasoning) {
    warn({ type: 'unsupported-field', field: 'reasoning', message: `Provider "${provider}" has no reasoning controls; the setting was not sent.` });
  }
}
