import type { ProviderSettings } from '@switchyard/core';

export const anthropicBaseURL = 'https://api.anthropic.com/v1';

/** The base includes `/v1`, as Portkey's custom_host does for Anthropic; the endpoint path is appended. */
export function anthropicEndpoint(settings: ProviderSettings, path: string): string {
  return `${(settings.baseURL ?? anthropicBaseURL).replace(/\/+$/, '')}${path}`;
}
