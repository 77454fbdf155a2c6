import { type EmbeddingRequest, type EmbeddingResponse, type ProviderCallContext, readJsonAnswer } from '@switchyard/core';
import { decodeGoogleEmbeddingResponse } from './decode-google-embedding-response.js';
import { encodeGoogleEmbeddingRequest } from './encode-google-embedding-request.js';
import { postGoogleModelMethod } from './post-google-model-method.js';

/** OpenAI embeddings through Gemini's `models/{model}:batchEmbedContents` (one call for the whole batch). */
export async function createGoogleEmbeddings(request: EmbeddingRequest, context: ProviderCallContext): Promise<EmbeddingResponse> {
  const encoded = encodeGoogleEmbeddingRequest(request);
  encoded.warnings.forEach(context.warn);
  const response = await postGoogleModelMethod(context, request.model, 'batchEmbedContents', JSON.stringify(encoded.body));
  return decodeGoogleEmbeddingResponse(await readJsonAnswer(response, 'google', 'Google'), { model: request.model, inputs: encoded.body.requests.length });
}
