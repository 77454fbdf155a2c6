import { type EmbeddingRequest, InvalidRequestError, type Warning } from '@switchyard/core';
import type { BedrockCohereEmbeddingRequest, TitanEmbeddingRequest } from './bedrock-embedding-api.js';
import type { BedrockEmbeddingFamily } from './bedrock-embedding-family.js';

/** Cohere Embed takes at most 96 texts per call. */
export const cohereBatchSize = 96;

export interface EncodedBedrockEmbeddingRequests {
  /** One InvokeModel body per call: one per input for Titan, batches of 96 for Cohere. */
  bodies: Array<TitanEmbeddingRequest | BedrockCohereEmbeddingRequest>;
  warnings: Warning[];
}

/**
 * An OpenAI embeddings request → the InvokeModel bodies of a Bedrock embedding model. Titan
 * embeds one text per call (`dimensions` only on v2, `outputEmbeddingLength` on the multimodal
 * model, the client's `normalize` on v2); Cohere takes a batch and needs an `input_type`: the
 * client's, else `search_document` with a warning saying so.
 */
export function encodeBedrockEmbeddingRequests(request: EmbeddingRequest, family: BedrockEmbeddingFamily): EncodedBedrockEmbeddingRequests {
  if (request.input.some((item) => typeof item !== 'string')) {
    throw new InvalidRequestError('Bedrock embedding models take text only: input must be a string or an array of strings, not token ids.', { param: 'input', provider: 'bedrock' });
  }
  const texts = request.input as string[];
  const warnings: Warning[] = [];
  const extra = { ...request.extra };
  const take = (name: string) => {
    const value = extra[name];
    delete extra[name];
    return value;
  };
  if (request.user !== undefined) warnings.push({ type: 'unsupported-field', field: 'user', message: 'Bedrock embeddings take no end-user id; user was not sent.' });

  let bodies: EncodedBedrockEmbeddingRequests['bodies'];
  if (family === 'cohere') {
    const inputType = take('input_type');
    const truncate = take('truncate');
    if (inputType !== undefined && typeof inputType !== 'string') throw new InvalidRequestError('input_type must be a string such as "search_query".', { param: 'input_type', provider: 'bedrock' });
    if (truncate !== undefined && typeof truncate !== 'string') throw new InvalidRequestError('truncate must be NONE, START or END.', { param: 'truncate', provider: 'bedrock' });
    if (inputType === undefined) {
      warnings.push({ type: 'default-applied', field: 'input_type', message: 'Cohere embed models need an input_type; none was given, so search_document was sent.' });
    }
    bodies = [];
    for (let start = 0; start < texts.length; start += cohereBatchSize) {
      bodies.push({
        texts: texts.slice(start, start + cohereBatchSize),
        input_type: inputType ?? 'search_document',
        embedding_types: ['float'],
        ...(truncate !== undefined && { truncate }),
        ...(request.dimensions !== undefined && { output_dimension: request.dimensions }),
      });
    }
  } else {
    const normalize = take('normalize');
    if (normalize !== undefined && typeof normalize !== 'boolean') throw new InvalidRequestError('normalize must be true or false.', { param: 'normalize', provider: 'bedrock' });
    const sized: Partial<TitanEmbeddingRequest> = {};
    if (request.dimensions !== undefined) {
      if (family === 'titan-text-v2') sized.dimensions = request.dimensions;
      else if (family === 'titan-multimodal') sized.embeddingConfig = { outputEmbeddingLength: request.dimensions };
      else warnings.push({ type: 'unsupported-field', field: 'dimensions', message: 'Titan Text Embeddings v1 has a fixed size (1536); dimensions was not sent.' });
    }
    if (normalize !== undefined) {
      if (family === 'titan-text-v2') sized.normalize = normalize;
      else warnings.push({ type: 'unsupported-field', field: 'normalize', message: 'Only Titan Text Embeddings v2 takes normalize; it was not sent.' });
    }
    bodies = texts.map((inputText) => ({ inputText, ...sized }));
  }
  for (const field of Object.keys(extra)) {
    warnings.push({ type: 'unsupported-field', field, message: `${field} has no counterpart in this Bedrock embedding model's API and was not sent.` });
  }
  return { bodies, warnings };
}
