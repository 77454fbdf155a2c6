import type { HttpResponse, ProviderCallContext } from '@switchyard/core';
import { cohereHeaders } from './cohere-headers.js';
import { cohereChatURL } from './cohere-url.js';

/** POST the body to /v2/chat; error statuses are returned, not thrown. */
export function callCohereChat(context: ProviderCallContext, body: string, stream: boolean): Promise<HttpResponse> {
  return context.http.request({
    provider: 'cohere',
    url: cohereChatURL(context.settings),
    method: 'POST',
    headers: cohereHeaders(context, stream),
    body,
    signal: context.signal,
    timeouts: context.timeouts,
  });
}
