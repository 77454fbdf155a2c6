import type { ProviderCallContext } from '@switchyard/core';

/**
 * A local Ollama needs no credentials; Ollama's cloud API (https://ollama.com) and servers behind
 * an authenticating proxy take a bearer token, sent when the instance has an apiKey.
 */
export function ollamaHeaders(context: ProviderCallContext, accept: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept };
  for (const [name, value] of Object.entries(context.settings.headers ?? {})) headers[name.toLowerCase()] = value;
  if (context.settings.apiKey) headers.authorization = `Bearer ${context.settings.apiKey}`;
  return headers;
}
