import type { EmbeddingRequest, EmbeddingResponse, ProviderCallContext } from '@switchyard/core';
import { decodeGoogleEmbeddingResponse } from './decode-google-embedding-response.js';
import { encodeGoogleEmbeddingRequest } from './encode-google-embedding-request.js';
import { postGoogleModelMethod, readGoogleJson } from './post-google-model-method.js';

/** OpenAI embeddings through Gemini's `models/{model}:batchEmbedContents` (one call for the whole batch). */
export async function createGoogleEmbeddings(request: EmbeddingRequest, context: ProviderCallContext): Promise<EmbeddingResponse> {
  const encoded = encodeGoogleEmbeddingRequest(request);
  encoded.warnings.forEach(context.warn);
  const response = await postGoogleModelMethod(context, request.model, 'batchEmbedContents', JSON.stringify(encoded.body));
  return decodeGoogleEmbeddingResponse(await readGoogleJson(response), { model: request.model, inputs: encoded.body.requests.length });
}
