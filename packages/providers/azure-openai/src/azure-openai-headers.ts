import type { ProviderCallContext } from '@switchyard/core';
import { readAzureAdToken, readAzureOpenAIAuthMode } from './azure-openai-request-settings.js';

/** Client headers an Azure OpenAI upstream understands, forwarded when the client sends them. */
const forwardedClientHeaders = ['openai-beta', 'x-ms-client-request-id'];

/**
 * The headers of one Azure OpenAI call. Authentication is one of:
 * - the request's own Entra ID token (`x-switchyard-azure-ad-token` / `x-portkey-azure-ad-token`)
 *   → `Authorization: Bearer`;
 * - `options.authMode: 'entra'` → `settings.apiKey` sent as a bearer token;
 * - else `settings.apiKey` in Azure's `api-key` header.
 * https://learn.microsoft.com/azure/ai-foundry/openai/reference#authentication
 */
export function azureOpenAIHeaders(context: ProviderCallContext, stream: boolean): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: stream ? 'text/event-stream' : 'application/json',
    ...azureOpenAIAuthHeaders(context),
  };
}

/** The forwarded client headers, the instance's extra headers and the credentials (see above), without content headers. */
export function azureOpenAIAuthHeaders(context: ProviderCallContext): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of forwardedClientHeaders) {
    const value = context.requestHeaders[name];
    if (value) headers[name] = value;
  }
  for (const [name, value] of Object.entries(context.settings.headers ?? {})) headers[name.toLowerCase()] = value;

  const adToken = readAzureAdToken(context);
  if (adToken) {
    delete headers['api-key'];
    headers.authorization = `Bearer ${adToken}`;
  } else if (context.settings.apiKey) {
    if (readAzureOpenAIAuthMode(context) === 'entra') headers.authorization = `Bearer ${context.settings.apiKey}`;
    else headers['api-key'] = context.settings.apiKey;
  }
  return headers;
}
