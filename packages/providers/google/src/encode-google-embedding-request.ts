import { type EmbeddingRequest, InvalidRequestError, type Warning } from '@switchyard/core';
import type { GoogleBatchEmbedContentsRequest } from './google-embedding-api.js';
import { googleModelPath } from './google-url.js';

export interface EncodedGoogleEmbeddingRequest {
  body: GoogleBatchEmbedContentsRequest;
  warnings: Warning[];
}

/**
 * An OpenAI embeddings request → `batchEmbedContents`: one entry per input, `dimensions` as
 * `outputDimensionality`, and the client's `task_type` / `title` (Gemini's own fields, sent
 * beside OpenAI's) on every entry. Gemini embeds text only, so token-id inputs are refused.
 */
export function encodeGoogleEmbeddingRequest(request: EmbeddingRequest, provider = 'google'): EncodedGoogleEmbeddingRequest {
  const warnings: Warning[] = [];
  const texts = textInputs(request, provider);
  const { task_type: taskType, title, ...rest } = request.extra;
  if (taskType !== undefined && typeof taskType !== 'string') {
    throw new InvalidRequestError('task_type must be a string such as "RETRIEVAL_QUERY".', { param: 'task_type', provider });
  }
  if (title !== undefined && typeof title !== 'string') throw new InvalidRequestError('title must be a string.', { param: 'title', provider });
  for (const field of Object.keys(rest)) {
    warnings.push({ type: 'unsupported-field', field, message: `${field} has no counterpart in Gemini's embeddings API and was not sent.` });
  }
  if (request.user !== undefined) warnings.push({ type: 'unsupported-field', field: 'user', message: 'Gemini embeddings take no end-user id; user was not sent.' });

  const model = googleModelPath(request.model);
  const requests = texts.map((text) => ({
    model,
    content: { parts: [{ text }] },
    ...(taskType !== undefined && { taskType: taskType.toUpperCase() }),
    ...(title !== undefined && { title }),
    ...(request.dimensions !== undefined && { outputDimensionality: request.dimensions }),
  }));
  return { body: { requests }, warnings };
}

/** The inputs as texts; Google's embedding models take no token ids. */
export function textInputs(request: EmbeddingRequest, provider: string): string[] {
  if (request.input.some((item) => typeof item !== 'string')) {
    throw new InvalidRequestError(`${provider} embeds text only: input must be a string or an array of strings, not token ids.`, { param: 'input', provider });
  }
  return request.input as string[];
}
