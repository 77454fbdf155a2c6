import type { ProviderCallContext } from '@switchyard/core';

/** Client headers an OpenAI upstream understands, forwarded when the client sends them. */
const forwardedClientHeaders = ['openai-organization', 'openai-project', 'openai-beta'];

export function openAIHeaders(context: ProviderCallContext, stream: boolean): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: stream ? 'text/event-stream' : 'application/json',
    ...openAIClientHeaders(context),
  };
}

/** The organization, project and beta headers the client sent, the instance's extra headers, and its key. */
export function openAIClientHeaders(context: ProviderCallContext): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of forwardedClientHeaders) {
    const value = context.requestHeaders[name];
    if (value) headers[name] = value;
  }
  Object.assign(headers, context.settings.headers);
  if (context.settings.apiKey) headers.authorization = `Bearer ${context.settings.apiKey}`;
  return headers;
}
