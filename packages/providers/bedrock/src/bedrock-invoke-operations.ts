import {
  type EmbeddingRequest,
  type EmbeddingResponse,
  type HttpResponse,
  type ImageGenerationRequest,
  type ImageGenerationResponse,
  type ProviderCallContext,
  UnsupportedError,
  UpstreamError,
  readJsonAnswer,
} from '@switchyard/core';
import { bedrockEmbeddingFamily, isTitanImageModel } from './bedrock-embedding-family.js';
import { callBedrockInvoke } from './call-bedrock.js';
import { type BedrockEmbeddingAnswer, decodeBedrockEmbeddingResponses } from './decode-bedrock-embedding-responses.js';
import { decodeTitanImageResponse } from './decode-titan-image-response.js';
import { encodeBedrockEmbeddingRequests } from './encode-bedrock-embedding-requests.js';
import { encodeTitanImageRequest } from './encode-titan-image-request.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { readBedrockError } from './map-bedrock-error.js';

// Titan embeds one text per call: a batch becomes parallel calls, a few at a time so one
// request does not spend the account's whole per-second quota.
const concurrentCalls = 4;

/** OpenAI embeddings through InvokeModel on a Titan or Cohere embedding model. */
export async function createBedrockEmbeddings(request: EmbeddingRequest, context: ProviderCallContext): Promise<EmbeddingResponse> {
  const family = bedrockEmbeddingFamily(request.model);
  if (!family) {
    throw new UnsupportedError(`"${request.model}" is not an embedding model this adapter translates to (Titan Text / Multimodal Embeddings, Cohere Embed).`, {
      param: 'model',
      provider: 'bedrock',
    });
  }
  const encoded = encodeBedrockEmbeddingRequests(request, family);
  encoded.warnings.forEach(context.warn);
  const answers = await mapWithConcurrency(encoded.bodies, concurrentCalls, async (body): Promise<BedrockEmbeddingAnswer> => {
    const response = await invoke(context, request.model, JSON.stringify(body));
    const header = response.headers['x-amzn-bedrock-input-token-count'];
    const inputTokens = header === undefined ? Number.NaN : Number(header);
    return { body: await readJsonAnswer(response, 'bedrock', 'Bedrock'), ...(Number.isFinite(inputTokens) && { inputTokens }) };
  });
  return decodeBedrockEmbeddingResponses(answers, { model: request.model, family, inputs: request.input.length });
}

/** OpenAI image generation through InvokeModel on Titan Image Generator or Nova Canvas. */
export async function generateBedrockImages(request: ImageGenerationRequest, context: ProviderCallContext): Promise<ImageGenerationResponse> {
  if (!isTitanImageModel(request.model)) {
    throw new UnsupportedError(`"${request.model}" is not an image model this adapter translates to (Titan Image Generator, Nova Canvas).`, { param: 'model', provider: 'bedrock' });
  }
  const encoded = encodeTitanImageRequest(request);
  encoded.warnings.forEach(context.warn);
  const response = await invoke(context, request.model, JSON.stringify(encoded.body));
  return decodeTitanImageResponse(await readJsonAnswer(response, 'bedrock', 'Bedrock'));
}

async function invoke(context: ProviderCallContext, model: string, body: string): Promise<HttpResponse> {
  const response = await callBedrockInvoke(context, model, body);
  if (response.status >= 300) throw await readBedrockError(response);
  return response;
}

