import type { HttpResponse, ProviderCallContext } from '@switchyard/core';
import { openAIHeaders } from './openai-headers.js';
import { openAIEndpoint } from './openai-url.js';

/** POST {base}{path} (`/chat/completions` by default) with the instance's credentials; error statuses are returned, not thrown. */
export function callChatCompletions(context: ProviderCallContext, body: string | Uint8Array, stream: boolean, path = '/chat/completions'): Promise<HttpResponse> {
  return context.http.request({
    provider: 'openai',
    url: openAIEndpoint(context.settings, path),
    method: 'POST',
    headers: openAIHeaders(context, stream),
    body,
    signal: context.signal,
    timeouts: context.timeouts,
  });
}
