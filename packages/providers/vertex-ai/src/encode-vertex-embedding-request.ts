import { type EmbeddingRequest, InvalidRequestError, type Warning } from '@switchyard/core';
import { textInputs } from '@switchyard/provider-google';
import type { VertexEmbeddingPredictRequest } from './vertex-embedding-api.js';

export interface EncodedVertexEmbeddingRequest {
  body: VertexEmbeddingPredictRequest;
  warnings: Warning[];
}

/**
 * An OpenAI embeddings request → the `:predict` body of a Vertex text-embedding model: one
 * instance per input, the client's `task_type` / `title` on each, `dimensions` as
 * `parameters.outputDimensionality`, and `auto_truncate` as `autoTruncate`.
 */
export function encodeVertexEmbeddingRequest(request: EmbeddingRequest): EncodedVertexEmbeddingRequest {
  const warnings: Warning[] = [];
  const texts = textInputs(request, 'vertex-ai');
  const { task_type: taskType, title, auto_truncate: autoTruncate, ...rest } = request.extra;
  if (taskType !== undefined && typeof taskType !== 'string') {
    throw new InvalidRequestError('task_type must be a string such as "RETRIEVAL_QUERY".', { param: 'task_type', provider: 'vertex-ai' });
  }
  if (title !== undefined && typeof title !== 'string') throw new InvalidRequestError('title must be a string.', { param: 'title', provider: 'vertex-ai' });
  if (autoTruncate !== undefined && typeof autoTruncate !== 'boolean') {
    throw new InvalidRequestError('auto_truncate must be true or false.', { param: 'auto_truncate', provider: 'vertex-ai' });
  }
  for (const field of Object.keys(rest)) {
    warnings.push({ type: 'unsupported-field', field, message: `${field} has no counterpart in Vertex AI's embeddings API and was not sent.` });
  }
  if (request.user !== undefined) warnings.push({ type: 'unsupported-field', field: 'user', message: 'Vertex AI embeddings take no end-user id; user was not sent.' });

  const instances = texts.map((content) => ({
    content,
    ...(taskType !== undefined && { task_type: taskType.toUpperCase() }),
    ...(title !== undefined && { title }),
  }));
  const parameters = {
    ...(request.dimensions !== undefined && { outputDimensionality: request.dimensions }),
    ...(autoTruncate !== undefined && { autoTruncate }),
  };
  return { body: { instances, ...(Object.keys(parameters).length > 0 && { parameters }) }, warnings };
}
