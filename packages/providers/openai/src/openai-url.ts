import type { ProviderSettings } from '@switchyard/core';

export const openAIBaseURL = 'https://api.openai.com/v1';

/** The base includes `/v1`, as Portkey's custom_host does for OpenAI; the endpoint path is appended. */
export function openAIEndpoint(settings: ProviderSettings, path: string): string {
  return `${(settings.baseURL ?? openAIBaseURL).replace(/\/+$/, '')}${path}`;
}
