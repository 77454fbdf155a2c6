import type { PassthroughRequest, PassthroughResponse, ProviderCallContext } from '@switchyard/core';
import { anthropicHeaders } from './anthropic-headers.js';
import { anthropicEndpoint } from './anthropic-url.js';

/**
 * POST {base}/messages/count_tokens with the client's Messages body as bytes; the answer
 * (`{ input_tokens }`, or an error) is returned as it came.
 * https://docs.claude.com/en/api/messages-count-tokens
 */
export async function countAnthropicTokens(request: PassthroughRequest, context: ProviderCallContext): Promise<PassthroughResponse> {
  const response = await context.http.request({
    provider: 'anthropic',
    url: anthropicEndpoint(context.settings, '/messages/count_tokens'),
    method: 'POST',
    headers: anthropicHeaders(context, { stream: false }),
    body: request.body,
    signal: context.signal,
    timeouts: context.timeouts,
  });
  return { status: response.status, headers: response.headers, body: response.body, dispose: () => response.dispose() };
}
