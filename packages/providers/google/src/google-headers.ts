import type { ProviderCallContext } from '@switchyard/core';

/**
 * The key goes in the `x-goog-api-key` header, never in the `?key=` query Google also
 * accepts: URLs end up in logs and traces, headers are masked.
 */
export function googleHeaders(context: ProviderCallContext, stream: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: stream ? 'text/event-stream' : 'application/json',
  };
  Object.assign(headers, context.settings.headers);
  if (context.settings.apiKey) headers['x-goog-api-key'] = context.settings.apiKey;
  return headers;
}
