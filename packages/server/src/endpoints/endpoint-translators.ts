import type { ProviderAdapter } from '@switchyard/core';
import type { GatewayResponse } from '../gateway-types.js';
import { decodeOpenAIEmbeddingsRequest } from './decode-openai-embeddings-request.js';
import { decodeOpenAIImageRequest } from './decode-openai-image-request.js';
import { decodeOpenAIModerationRequest } from './decode-openai-moderation-request.js';
import { encodeOpenAIEmbeddingsResponse } from './encode-openai-embeddings-response.js';
import { encodeOpenAIImageResponse } from './encode-openai-image-response.js';
import { encodeOpenAIModerationResponse } from './encode-openai-moderation-response.js';
import type { ModelEndpointAttempt } from './run-model-endpoint.js';

/** An endpoint served by an adapter's translated operation: OpenAI's body in, OpenAI's answer out. */
export interface EndpointTranslator {
  available(adapter: ProviderAdapter): boolean;
  /** `body` is the client's, with the model rewritten and override params applied. */
  run(body: Record<string, unknown>, call: ModelEndpointAttempt): Promise<GatewayResponse>;
}

const json = (body: unknown): GatewayResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const embeddingsTranslator: EndpointTranslator = {
  available: (adapter) => adapter.embeddings !== undefined,
  async run(body, { target, callContext }) {
    const decoded = decodeOpenAIEmbeddingsRequest(body);
    const response = await target.entry.adapter.embeddings!.create(decoded.request, callContext);
    return json(encodeOpenAIEmbeddingsResponse(response, decoded.encodingFormat));
  },
};

export const imagesTranslator: EndpointTranslator = {
  available: (adapter) => adapter.images !== undefined,
  async run(body, { target, callContext }) {
    const request = decodeOpenAIImageRequest(body);
    const response = await target.entry.adapter.images!.generate(request, callContext);
    // OpenAI's dall-e models answer with URLs unless asked otherwise; gpt-image models only with bytes.
    return json(encodeOpenAIImageResponse(response, request.responseFormat, callContext.warn));
  },
};

export const moderationsTranslator: EndpointTranslator = {
  available: (adapter) => adapter.moderations !== undefined,
  async run(body, { target, callContext }) {
    const response = await target.entry.adapter.moderations!.create(decodeOpenAIModerationRequest(body), callContext);
    return json(encodeOpenAIModerationResponse(response));
  },
};
