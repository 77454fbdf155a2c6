import { type HttpResponse, UpstreamError, defineProvider, readJsonAnswer} from '@switchyard/core';
import { callCohereChat } from './call-cohere-chat.js';
import { cohereCapabilities } from './cohere-capabilities.js';
import { cohereBaseURL, cohereV2URL } from './cohere-url.js';
import { decodeCohereEmbedResponse } from './decode-cohere-embed-response.js';
import { encodeCohereEmbedRequest } from './encode-cohere-embed-request.js';
import { cohereHeaders } from './cohere-headers.js';
import { decodeCohereResponse } from './decode-cohere-response.js';
import { decodeCohereStream } from './decode-cohere-stream.js';
import { encodeCohereRequest } from './encode-cohere-request.js';
import { mapCohereError } from './map-cohere-error.js';

/** Upstream response headers worth returning: Cohere's trace id and token counts. */
const keptResponseHeaders = ['x-debug-trace-id', 'num_tokens', 'num_chars', 'x-api-warning'];

/**
 * The Cohere adapter (Chat v2, `POST /v2/chat`; embeddings through `POST /v2/embed`). Cohere speaks no client format, so every
 * request is translated: canonical → Chat v2 body, and the answer or the named-event SSE stream
 * back to canonical.
 *
 * The gateway's default entry reads the key from COHERE_API_KEY; Cohere's own SDKs read
 * CO_API_KEY, which the gateway may accept as well.
 */
export function createCohereProvider() {
  return defineProvider({
    id: 'cohere',
    name: 'Cohere',
    description: 'Cohere Chat v2 with tools (tool plans kept), images, reasoning, JSON schema output and citations.',
    defaultBaseURL: cohereBaseURL,
    environment: { apiKey: 'COHERE_API_KEY' },
    // https://docs.cohere.com/docs/models (2026); any other id is forwarded as given.
    models: [
      'command-a-plus-05-2026',
      'command-a-03-2025',
      'command-a-reasoning-08-2025',
      'command-a-vision-07-2025',
      'command-a-translate-08-2025',
      'command-r7b-12-2024',
      'command-r-plus-08-2024',
      'command-r-08-2024',
    ],
    capabilities: cohereCapabilities,

    chat: {
      async generate(request, context) {
        const encoded = encodeCohereRequest({ ...request, stream: false });
        encoded.warnings.forEach(context.warn);
        const response = await callCohereChat(context, JSON.stringify(encoded.body), false);
        if (response.status >= 300) throw await mapCohereError(response);
        return decodeCohereResponse(await readJsonAnswer(response, 'cohere', 'Cohere'), request.model);
      },

      async stream(request, context) {
        const encoded = encodeCohereRequest({ ...request, stream: true });
        encoded.warnings.forEach(context.warn);
        const response = await callCohereChat(context, JSON.stringify(encoded.body), true);
        if (response.status >= 300) throw await mapCohereError(response);
        return { events: decodeCohereStream(response, request.model, context.signal), headers: pickHeaders(response.headers) };
      },
    },

    embeddings: {
      async create(request, context) {
        const encoded = encodeCohereEmbedRequest(request);
        encoded.warnings.forEach(context.warn);
        const response = await context.http.request({
          provider: 'cohere',
          url: cohereV2URL(context.settings, '/embed'),
          method: 'POST',
          headers: cohereHeaders(context, false),
          body: JSON.stringify(encoded.body),
          signal: context.signal,
          timeouts: context.timeouts,
        });
        if (response.status >= 300) throw await mapCohereError(response);
        return decodeCohereEmbedResponse(await readJsonAnswer(response, 'cohere', 'Cohere'), { model: request.model, inputs: encoded.body.texts.length });
      },
    },
  });
}


function pickHeaders(headers: Record<string, string>): Record<string, string> | undefined {
  const kept = Object.fromEntries(keptResponseHeaders.filter((name) => headers[name] !== undefined).map((name) => [name, headers[name]!]));
  return Object.keys(kept).length > 0 ? kept : undefined;
}

// The mapping, exported for reuse (an adapter for Cohere models on another host speaks the same body).
export * from './cohere-api.js';
export { cohereCapabilities } from './cohere-capabilities.js';
export { cohereBaseURL, cohereChatURL, cohereV2URL } from './cohere-url.js';
export { encodeCohereEmbedRequest, type EncodedCohereEmbedRequest } from './encode-cohere-embed-request.js';
export { decodeCohereEmbedResponse } from './decode-cohere-embed-response.js';
export * from './cohere-embed-api.js';
export { cohereHeaders } from './cohere-headers.js';
export { encodeCohereRequest, cohereProviderOptionsKey, type EncodedCohereRequest } from './encode-cohere-request.js';
export { convertToCohereMessages } from './convert-to-cohere-messages.js';
export { convertImageToCohereContent } from './convert-image-to-cohere-content.js';
export { prepareCohereTools, type PreparedCohereTools } from './prepare-cohere-tools.js';
export { prepareCohereThinking } from './prepare-cohere-thinking.js';
export { prepareCohereJsonSchema, type PreparedCohereJsonSchema } from './prepare-cohere-json-schema.js';
export { decodeCohereResponse, cohereResponseMetadata } from './decode-cohere-response.js';
export {
  createCohereStreamDecoder,
  createCohereStreamDecoderState,
  decodeCohereStreamEvent,
  endCohereStreamDecoder,
  type CohereStreamDecoder,
  type CohereStreamDecoderState,
} from './cohere-stream-decoder.js';
export { decodeCohereStream } from './decode-cohere-stream.js';
export { mapCohereFinishReason } from './map-cohere-finish-reason.js';
export { mapCohereUsage } from './map-cohere-usage.js';
export { mapCohereError, describeCohereErrorBody } from './map-cohere-error.js';
