import type { ProviderSettings } from '@switchyard/core';
import type { VertexModel } from './resolve-vertex-model.js';
import type { VertexSettings } from './resolve-vertex-settings.js';

/**
 * The host of a location: regional `{location}-aiplatform.googleapis.com`, the global endpoint,
 * or for the multi-regions `us` and `eu` their representative endpoint `aiplatform.{us|eu}.rep.googleapis.com`.
 * https://cloud.google.com/vertex-ai/generative-ai/docs/learn/locations
 */
export function vertexHost(location: string): string {
  if (location === 'global') return 'aiplatform.googleapis.com';
  if (location === 'us' || location === 'eu') return `aiplatform.${location}.rep.googleapis.com`;
  return `${location}-aiplatform.googleapis.com`;
}

/**
 * The base URL: `settings.baseURL` (custom_host, the bare host as Portkey has it for Vertex)
 * or `https://{host of the location}`. The version belongs to the path.
 */
export function vertexBaseURL(settings: ProviderSettings, location: string): string {
  return (settings.baseURL ?? `https://${vertexHost(location)}`).replace(/\/+$/, '');
}

/**
 * `{base}/{version}/projects/{project}/locations/{location}/publishers/{publisher}/models/{model}:{method}`.
 * Gemini: `generateContent`, or `streamGenerateContent?alt=sse` (SSE framing; without `alt=sse`
 * Vertex streams one JSON array). Claude: `rawPredict` / `streamRawPredict`.
 * https://cloud.google.com/vertex-ai/generative-ai/docs/model-reference/inference and
 * https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/claude/use-claude
 */
export function vertexModelURL(settings: ProviderSettings, vertex: VertexSettings, target: VertexModel, stream: boolean): string {
  const method =
    target.publisher === 'anthropic' ? (stream ? 'streamRawPredict' : 'rawPredict') : stream ? 'streamGenerateContent?alt=sse' : 'generateContent';
  return vertexModelMethodURL(settings, vertex, target, method);
}

/** The same path with another method: `predict` for text-embedding and Imagen models. */
export function vertexModelMethodURL(settings: ProviderSettings, vertex: VertexSettings, target: VertexModel, method: string): string {
  return (
    `${vertexBaseURL(settings, vertex.location)}/${vertex.apiVersion}/projects/${vertex.project}/locations/${vertex.location}` +
    `/publishers/${target.publisher}/models/${target.model}:${method}`
  );
}
