import type { PassthroughResponse, ProviderCallContext, ProxyRequest } from '@switchyard/core';
import { openAIClientHeaders } from './openai-headers.js';
import { openAIEndpoint } from './openai-url.js';

/** Any OpenAI API call forwarded as bytes: `{base}{path}?{query}`, the client's content headers, the instance's key. */
export async function proxyOpenAI(request: ProxyRequest, context: ProviderCallContext): Promise<PassthroughResponse> {
  const url = openAIEndpoint(context.settings, request.path) + (request.query ? `?${request.query}` : '');
  const response = await context.http.request({
    provider: 'openai',
    url,
    method: request.method,
    headers: { ...request.headers, ...openAIClientHeaders(context) },
    body: request.body,
    signal: context.signal,
    timeouts: context.timeouts,
  });
  return { status: response.status, headers: response.headers, body: response.body, dispose: () => response.dispose() };
}
