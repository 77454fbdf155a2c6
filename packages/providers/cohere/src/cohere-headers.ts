import type { ProviderCallContext } from '@switchyard/core';

/**
 * `Authorization: Bearer <key>` (https://docs.cohere.com/reference/chat#authentication), after
 * the instance's own headers so a configured header cannot replace the key by accident.
 */
export function cohereHeaders(context: ProviderCallContext, stream: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: stream ? 'text/event-stream' : 'application/json',
  };
  for (const [name, value] of Object.entries(context.settings.headers ?? {})) headers[name.toLowerCase()] = value;
  if (context.settings.apiKey) headers.authorization = `Bearer ${context.settings.apiKey}`;
  return headers;
}
