import type { ProviderCallContext } from '@switchyard/core';
import type { OpenAICompatiblePreset } from './openai-compatible-preset.js';

/**
 * The upstream call's headers: JSON in, JSON or SSE out, the instance's extra headers, and the
 * key in the preset's auth header. The key is sent only when the instance has one, so a local
 * server without auth gets no empty `Bearer`.
 */
export function compatibleHeaders(preset: OpenAICompatiblePreset, context: ProviderCallContext, stream: boolean): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: stream ? 'text/event-stream' : 'application/json',
    ...compatibleAuthHeaders(preset, context),
  };
}

/** The instance's extra headers and the key in the preset's auth header, without content headers. */
export function compatibleAuthHeaders(preset: OpenAICompatiblePreset, context: ProviderCallContext): Record<string, string> {
  const headers: Record<string, string> = { ...context.settings.headers };
  const apiKey = context.settings.apiKey;
  const auth = preset.auth;
  if (apiKey && !('none' in auth)) {
    headers[auth.header.toLowerCase()] = auth.scheme ? `${auth.scheme} ${apiKey}` : apiKey;
  }
  return headers;
}
