import type { PassthroughResponse, ProviderCallContext, ProxyRequest } from '@switchyard/core';
import { compatibleAuthHeaders } from './compatible-headers.js';
import type { OpenAICompatiblePreset } from './openai-compatible-preset.js';

/**
 * An OpenAI API call forwarded to the server as bytes. The path after `/v1` is appended where
 * the chat path would be: under the base when the base holds the version (`…/openai/v1`), after
 * the version segment of `chatCompletionsPath` when it does not (`https://api.together.xyz` +
 * `/v1`). The client's query is kept; the preset's auth is added.
 */
export async function proxyCompatible(preset: OpenAICompatiblePreset, request: ProxyRequest, context: ProviderCallContext): Promise<PassthroughResponse> {
  const base = (context.settings.baseURL ?? preset.baseURL).replace(/\/+$/, '');
  const version = (preset.chatCompletionsPath ?? '/chat/completions').slice(0, -'/chat/completions'.length);
  const response = await context.http.request({
    provider: preset.id,
    url: `${base}${version}${request.path}${request.query ? `?${request.query}` : ''}`,
    method: request.method,
    headers: { ...request.headers, ...compatibleAuthHeaders(preset, context) },
    body: request.body,
    signal: context.signal,
    timeouts: context.timeouts,
  });
  return { status: response.status, headers: response.headers, body: response.body, dispose: () => response.dispose() };
}
