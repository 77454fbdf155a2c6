import { type EmbeddingRequest, InvalidRequestError, type Warning } from '@switchyard/core';
import type { CohereEmbedRequest } from './cohere-embed-api.js';

export interface EncodedCohereEmbedRequest {
  body: CohereEmbedRequest;
  warnings: Warning[];
}

/**
 * An OpenAI embeddings request → `/v2/embed`. Cohere needs an `input_type` for v3+ models: the
 * client's (sent beside OpenAI's fields), else `search_document` with a warning saying so.
 * Floats only (the gateway does base64 itself); `dimensions` becomes `output_dimension`; the
 * client's `truncate` and `max_tokens` pass on.
 */
export function encodeCohereEmbedRequest(request: EmbeddingRequest): EncodedCohereEmbedRequest {
  if (request.input.some((item) => typeof item !== 'string')) {
    throw new InvalidRequestError('Cohere embeds text only: input must be a string or an array of strings, not token ids.', { param: 'input', provider: 'cohere' });
  }
  const warnings: Warning[] = [];
  const { input_type: inputType, truncate, max_tokens: maxTokens, ...rest } = request.extra;
  if (inputType !== undefined && typeof inputType !== 'string') throw new InvalidRequestError('input_type must be a string such as "search_query".', { param: 'input_type', provider: 'cohere' });
  if (truncate !== undefined && typeof truncate !== 'string') throw new InvalidRequestError('truncate must be NONE, START or END.', { param: 'truncate', provider: 'cohere' });
  if (maxTokens !== undefined && typeof maxTokens !== 'number') throw new InvalidRequestError('max_tokens must be a number.', { param: 'max_tokens', provider: 'cohere' });
  if (inputType === undefined) {
    warnings.push({ type: 'default-applied', field: 'input_type', message: 'Cohere embed models need an input_type; none was given, so search_document was sent.' });
  }
  if (request.user !== undefined) warnings.push({ type: 'unsupported-field', field: 'user', message: 'Cohere embeddings take no end-user id; user was not sent.' });
  for (const field of Object.keys(rest)) warnings.push({ type: 'unsupported-field', field, message: `${field} has no counterpart in Cohere's embed API and was not sent.` });
  const body: CohereEmbedRequest = {
    model: request.model,
    texts: request.input as string[],
    input_type: inputType ?? 'search_document',
    embedding_types: ['float'],
    ...(request.dimensions !== undefined && { output_dimension: request.dimensions }),
    ...(truncate !== undefined && { truncate }),
    ...(maxTokens !== undefined && { max_tokens: maxTokens }),
  };
  return { body, warnings };
}
