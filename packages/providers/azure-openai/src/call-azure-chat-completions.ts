import type { HttpResponse, ProviderCallContext } from '@switchyard/core';
import { azureOpenAIHeaders } from './azure-openai-headers.js';
import type { AzureOpenAIRequestSettings } from './azure-openai-request-settings.js';

/** POST the Chat Completions URL of the deployment (or the v1 API); error statuses are returned, not thrown. */
export function callAzureChatCompletions(
  context: ProviderCallContext,
  target: AzureOpenAIRequestSettings,
  body: string | Uint8Array,
  stream: boolean,
): Promise<HttpResponse> {
  return context.http.request({
    provider: 'azure-openai',
    url: target.chatCompletionsURL,
    method: 'POST',
    headers: azureOpenAIHeaders(context, stream),
    body,
    signal: context.signal,
    timeouts: context.timeouts,
  });
}
