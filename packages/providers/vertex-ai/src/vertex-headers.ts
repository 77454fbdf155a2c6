import type { ProviderCallContext } from '@switchyard/core';

/**
 * The headers of a Vertex AI call: the instance's own (lower-cased), then JSON content, the
 * accept type, and `Authorization: Bearer <access token>` last so nothing configured replaces it.
 */
export function vertexHeaders(context: ProviderCallContext, token: string, stream: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(context.settings.headers ?? {})) headers[name.toLowerCase()] = value;
  headers['content-type'] = 'application/json';
  headers.accept = stream ? 'text/event-stream' : 'application/json';
  headers.authorization = `Bearer ${token}`;
  return headers;
}
