import type { ProviderSettings } from '@switchyard/core';

/** The bare host, as Portkey's custom_host has it for Gemini: the version belongs to the path. */
export const googleBaseURL = 'https://generativelanguage.googleapis.com';

/**
 * `{base}/v1beta/models/{model}:generateContent`, or `:streamGenerateContent?alt=sse` (SSE
 * framing; without `alt=sse` Gemini streams one JSON array). A model given as `models/x` or
 * `tunedModels/x` keeps its collection; `options.apiVersion` replaces `v1beta` (e.g. `v1alpha`).
 */
export function googleGenerateContentURL(settings: ProviderSettings, model: string, stream: boolean): string {
  return stream ? `${googleModelMethodURL(settings, model, 'streamGenerateContent')}?alt=sse` : googleModelMethodURL(settings, model, 'generateContent');
}

/** `{base}/v1beta/models/{model}:{method}` for the other model methods (`batchEmbedContents`, `predict`). */
export function googleModelMethodURL(settings: ProviderSettings, model: string, method: string): string {
  const base = (settings.baseURL ?? googleBaseURL).replace(/\/+$/, '');
  const version = typeof settings.options?.apiVersion === 'string' ? settings.options.apiVersion : 'v1beta';
  return `${base}/${version}/${googleModelPath(model)}:${method}`;
}

/**
 * `models/{id}` (or `tunedModels/{id}` when the model string names that collection). The id is
 * one path segment, escaped whole: a model string must not walk the path (`a/../b`).
 */
export function googleModelPath(model: string): string {
  const prefixed = /^(models|tunedModels)\/(.+)$/.exec(model);
  return prefixed ? `${prefixed[1]}/${encodeURIComponent(prefixed[2]!)}` : `models/${encodeURIComponent(model)}`;
}
