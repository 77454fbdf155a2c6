import { type EmbeddingRequest, InvalidRequestError, type Warning } from '@switchyard/core';
import type { OllamaEmbedRequest } from './ollama-embed-api.js';

export interface EncodedOllamaEmbedRequest {
  body: OllamaEmbedRequest;
  warnings: Warning[];
}

/**
 * An OpenAI embeddings request → `/api/embed`: the texts as `input`, `dimensions` as is, and
 * Ollama's own `truncate`, `keep_alive` and `options` from the client's extra fields.
 */
export function encodeOllamaEmbedRequest(request: EmbeddingRequest): EncodedOllamaEmbedRequest {
  if (request.input.some((item) => typeof item !== 'string')) {
    throw new InvalidRequestError('Ollama embeds text only: input must be a string or an array of strings, not token ids.', { param: 'input', provider: 'ollama' });
  }
  const warnings: Warning[] = [];
  const { truncate, keep_alive: keepAlive, options, ...rest } = request.extra;
  if (truncate !== undefined && typeof truncate !== 'boolean') throw new InvalidRequestError('truncate must be true or false.', { param: 'truncate', provider: 'ollama' });
  if (keepAlive !== undefined && typeof keepAlive !== 'string' && typeof keepAlive !== 'number') {
    throw new InvalidRequestError('keep_alive must be a duration string or a number of seconds.', { param: 'keep_alive', provider: 'ollama' });
  }
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new InvalidRequestError('options must be an object of Modelfile parameters.', { param: 'options', provider: 'ollama' });
  }
  if (request.user !== undefined) warnings.push({ type: 'unsupported-field', field: 'user', message: 'Ollama takes no end-user id; user was not sent.' });
  for (const field of Object.keys(rest)) warnings.push({ type: 'unsupported-field', field, message: `${field} has no counterpart in Ollama's embed API and was not sent.` });
  const body: OllamaEmbedRequest = {
    model: request.model,
    input: request.input as string[],
    ...(request.dimensions !== undefined && { dimensions: request.dimensions }),
    ...(truncate !== undefined && { truncate }),
    ...(keepAlive !== undefined && { keep_alive: keepAlive }),
    ...(options !== undefined && { options: options as Record<string, unknown> }),
  };
  return { body, warnings };
}
