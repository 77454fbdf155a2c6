import type { HttpResponse, ProviderCallContext } from '@switchyard/core';
import { ollamaHeaders } from './ollama-headers.js';
import { ollamaEndpoint } from './ollama-url.js';

/** One call to an Ollama endpoint (`/api/chat`, `/v1/chat/completions`, `/api/tags`); error statuses are returned, not thrown. */
export function callOllama(
  context: ProviderCallContext,
  path: string,
  options: { method?: 'GET' | 'POST'; body?: string; accept: string },
): Promise<HttpResponse> {
  return context.http.request({
    provider: 'ollama',
    url: ollamaEndpoint(context.settings, path),
    method: options.method ?? 'POST',
    headers: ollamaHeaders(context, options.accept),
    ...(options.body !== undefined && { body: options.body }),
    signal: context.signal,
    timeouts: context.timeouts,
  });
}
