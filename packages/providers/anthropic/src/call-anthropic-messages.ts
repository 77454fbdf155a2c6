import type { HttpResponse, ProviderCallContext } from '@switchyard/core';
import { anthropicHeaders } from './anthropic-headers.js';
import { anthropicEndpoint } from './anthropic-url.js';

/** POST {base}/messages with the instance's credentials; error statuses are returned, not thrown. */
export function callAnthropicMessages(
  context: ProviderCallContext,
  body: string | Uint8Array,
  options: { stream: boolean; betas?: readonly string[] },
): Promise<HttpResponse> {
  return context.http.request({
    provider: 'anthropic',
    url: anthropicEndpoint(context.settings, '/messages'),
    method: 'POST',
    headers: anthropicHeaders(context, options),
    body,
    signal: context.signal,
    timeouts: context.timeouts,
  });
}
