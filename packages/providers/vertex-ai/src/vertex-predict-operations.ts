import {
  type EmbeddingRequest,
  type EmbeddingResponse,
  type ImageGenerationRequest,
  type ImageGenerationResponse,
  type ProviderCallContext,
  UnsupportedError,
  readJsonAnswer,
} from '@switchyard/core';
import { decodeImagenResponse, encodeImagenRequest } from '@switchyard/provider-google';
import { vertexSender } from './call-vertex.js';
import { decodeVertexEmbeddingResponse } from './decode-vertex-embedding-response.js';
import { encodeVertexEmbeddingRequest } from './encode-vertex-embedding-request.js';
import { resolveVertexModel } from './resolve-vertex-model.js';
import { resolveVertexSettings } from './resolve-vertex-settings.js';
import type { TokenCache } from './token-cache.js';

/** The translated non-chat operations of Vertex AI: both are `:predict` on a Google model. */
export function vertexPredictOperations(tokens: TokenCache, now: () => number) {
  const sender = (model: string, context: ProviderCallContext, what: string) => {
    const target = { model: resolveVertexModel(model), vertex: resolveVertexSettings(context) };
    if (target.model.publisher !== 'google') {
      throw new UnsupportedError(`${what} on Vertex AI are served by Google models (text-embedding-…, imagen-…), not by ${target.model.publisher} models.`, {
        param: 'model',
        provider: 'vertex-ai',
      });
    }
    return { target, send: vertexSender(context, target, tokens, now, 'predict') };
  };

  return {
    async createEmbeddings(request: EmbeddingRequest, context: ProviderCallContext): Promise<EmbeddingResponse> {
      const encoded = encodeVertexEmbeddingRequest(request);
      const { target, send } = sender(request.model, context, 'Embeddings');
      encoded.warnings.forEach(context.warn);
      const response = await send(JSON.stringify(encoded.body), false);
      return decodeVertexEmbeddingResponse(await readJsonAnswer(response, 'vertex-ai', 'Vertex AI'), { model: target.model.model, inputs: encoded.body.instances.length });
    },

    async generateImages(request: ImageGenerationRequest, context: ProviderCallContext): Promise<ImageGenerationResponse> {
      const encoded = encodeImagenRequest(request, { provider: 'vertex-ai', vertex: true });
      const { send } = sender(request.model, context, 'Images');
      encoded.warnings.forEach(context.warn);
      const response = await send(JSON.stringify(encoded.body), false);
      return decodeImagenResponse(await readJsonAnswer(response, 'vertex-ai', 'Vertex AI'), { provider: 'vertex-ai', now, warn: context.warn });
    },
  };
}
