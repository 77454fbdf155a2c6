import type { HttpResponse, ProviderCallContext } from '@switchyard/core';
import { compatibleChatEndpoint } from './compatible-endpoint.js';
import { compatibleHeaders } from './compatible-headers.js';
import type { OpenAICompatiblePreset } from './openai-compatible-preset.js';

/** POST the body to the preset's chat completions endpoint; error statuses are returned, not thrown. */
export function callCompatibleChat(
  preset: OpenAICompatiblePreset,
  context: ProviderCallContext,
  body: string | Uint8Array,
  stream: boolean,
): Promise<HttpResponse> {
  return context.http.request({
    provider: preset.id,
    url: compatibleChatEndpoint(preset, context.settings),
    method: 'POST',
    headers: compatibleHeaders(preset, context, stream),
    body,
    signal: context.signal,
    timeouts: context.timeouts,
  });
}
