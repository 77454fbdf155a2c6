import type { ProviderCallContext } from '@switchyard/core';
import { callOllama } from './call-ollama.js';
import { mapOllamaError } from './map-ollama-error.js';
import { ollamaTagsResponseSchema } from './ollama-api.js';

/** One model an Ollama server has pulled, in the shape of an OpenAI model listing entry. */
export interface OllamaModel {
  id: string;
  object: 'model';
  /** Unix seconds of `modified_at`. */
  created: number;
  owned_by: 'ollama';
  /** Ollama's own entry (size, digest, details: family, parameter size, quantisation). */
  ollama: Record<string, unknown>;
}

/**
 * The models an Ollama server has pulled (`GET /api/tags`), for the gateway's `GET /v1/models`.
 * Throws an UpstreamError when the server answers with an error.
 * https://github.com/ollama/ollama/blob/main/docs/api.md#list-local-models
 */
export async function listOllamaModels(context: ProviderCallContext): Promise<OllamaModel[]> {
  const response = await callOllama(context, '/api/tags', { method: 'GET', accept: 'application/json' });
  if (response.status >= 300) throw await mapOllamaError(response);
  const parsed = ollamaTagsResponseSchema.safeParse(await response.json());
  if (!parsed.success) return [];
  return parsed.data.models.map((entry) => {
    const modified = entry.modified_at ? Date.parse(entry.modified_at) : Number.NaN;
    return {
      id: entry.name,
      object: 'model',
      created: Number.isNaN(modified) ? 0 : Math.floor(modified / 1000),
      owned_by: 'ollama',
      ollama: entry,
    };
  });
}
