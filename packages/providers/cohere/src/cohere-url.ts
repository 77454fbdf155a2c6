import type { ProviderSettings } from '@switchyard/core';

/**
 * Cohere's documented host. `https://api.cohere.ai` (Portkey's base for Cohere, and the host of
 * older docs) serves the same API, so a custom_host of either works.
 */
export const cohereBaseURL = 'https://api.cohere.com';

/**
 * `{base}/v2/chat`. The base is the bare host, as Portkey's custom_host has it for Cohere; a base
 * that already ends in a version segment (`…/v1`, the shape of Portkey's older Cohere base, or
 * `…/v2`) has it replaced, because chat v2 only lives under `/v2`.
 */
export function cohereChatURL(settings: ProviderSettings): string {
  return cohereV2URL(settings, '/chat');
}

/** `{base}/v2{path}` for the other v2 endpoints (`/embed`), the base read as for chat. */
export function cohereV2URL(settings: ProviderSettings, path: string): string {
  const base = (settings.baseURL ?? cohereBaseURL).replace(/\/+$/, '').replace(/\/v[12]$/, '');
  return `${base}/v2${path}`;
}
