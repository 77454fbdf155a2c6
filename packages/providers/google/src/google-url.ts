import type { ProviderSettings } from '@switchyard/core';

/** The bare host, as Portkey's custom_host has it for Gemini: the version belongs to the path. */
export const googleBaseURL = 'https://generativelanguage.googleapis.com';

/**
 * `{base}/v1beta/models/{model}:generateContent`, or `:streamGenerateContent?alt=sse` (SSE
 * framing; without `alt=sse` Gemini streams one JSON array). A model given as `models/x` or
 * `tunedModels/x` keeps its collection.
 */
export function googleGenerateContentURL(settings: ProviderSettings, model: string, stream: boolean): string {
  const base = (settings.baseURL ?? googleBaseURL).replace(/\/+$/, '');
  const version = typeof settings.options?.apiVersion === 'string' ? settings.options.apiVersion : 'v1beta';
  const resource = /^(models|tunedModels)\//.test(model) ? model : `models/${model}`;
  const path = resource.split('/').map(encodeURIComponent).join('/');
  return stream ? `${base}/${version}/${path}:streamGenerateContent?alt=sse` : `${base}/${version}/${path}:generateContent`;
}
