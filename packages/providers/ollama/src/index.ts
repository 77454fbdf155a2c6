import { type ProviderCallContext, defineProvider, readJsonAnswer } from '@switchyard/core';
import { callOllama } from './call-ollama.js';
import { decodeOllamaEmbedResponse } from './decode-ollama-embed-response.js';
import { decodeOllamaResponse } from './decode-ollama-response.js';
import { encodeOllamaEmbedRequest } from './encode-ollama-embed-request.js';
import { decodeOllamaStream } from './decode-ollama-stream.js';
import { encodeOllamaRequest } from './encode-ollama-request.js';
import { mapOllamaError } from './map-ollama-error.js';
import { ollamaCapabilities } from './ollama-capabilities.js';
import { generateWithOllamaOpenAI, streamWithOllamaOpenAI } from './ollama-openai-chat.js';
import { ollamaBaseURL } from './ollama-url.js';

/**
 * Which Ollama API the instance speaks (`settings.options.api`): 'native' (default) is `/api/chat`,
 * the one that exposes everything Ollama has — `think` levels, `thinking` in answers and history,
 * a JSON schema as `format`, Modelfile options (`num_ctx` …), `keep_alive`, exact `done_reason`
 * and eval counts. 'openai' is `/v1/chat/completions`, for servers or proxies that only expose
 * Ollama's OpenAI-compatible surface.
 */
function usesOpenAIEndpoint(context: ProviderCallContext): boolean {
  return context.settings.options?.api === 'openai';
}

/**
 * The Ollama adapter: a local (or remote, or Ollama cloud) Ollama server through its native chat
 * API, streamed as NDJSON, and embeddings through `/api/embed`. No byte passthrough: no client format is Ollama's native one.
 */
export function createOllamaProvider() {
  return defineProvider({
    id: 'ollama',
    name: 'Ollama',
    defaultBaseURL: ollamaBaseURL,
    // OLLAMA_HOST may be `host:port` without a scheme; the adapter reads it as Ollama's clients do.
    environment: { apiKey: 'OLLAMA_API_KEY', baseURL: 'OLLAMA_HOST' },
    capabilities: ollamaCapabilities,

    chat: {
      async generate(request, context) {
        if (usesOpenAIEndpoint(context)) return generateWithOllamaOpenAI(request, context);
        const encoded = encodeOllamaRequest({ ...request, stream: false });
        encoded.warnings.forEach(context.warn);
        const response = await callOllama(context, '/api/chat', { body: JSON.stringify(encoded.body), accept: 'application/json' });
        if (response.status >= 300) throw await mapOllamaError(response);
        return decodeOllamaResponse(await readJsonAnswer(response, 'ollama', 'Ollama'), request.model);
      },

      async stream(request, context) {
        if (usesOpenAIEndpoint(context)) return streamWithOllamaOpenAI(request, context);
        const encoded = encodeOllamaRequest({ ...request, stream: true });
        encoded.warnings.forEach(context.warn);
        const response = await callOllama(context, '/api/chat', { body: JSON.stringify(encoded.body), accept: 'application/x-ndjson' });
        if (response.status >= 300) throw await mapOllamaError(response);
        return { events: decodeOllamaStream(response, request.model, context.signal) };
      },
    },

    // Native /api/embed whatever `options.api` says: Ollama serves it beside /v1.
    embeddings: {
      async create(request, context) {
        const encoded = encodeOllamaEmbedRequest(request);
        encoded.warnings.forEach(context.warn);
        const response = await callOllama(context, '/api/embed', { body: JSON.stringify(encoded.body), accept: 'application/json' });
        if (response.status >= 300) throw await mapOllamaError(response);
        return decodeOllamaEmbedResponse(await readJsonAnswer(response, 'ollama', 'Ollama'), { model: request.model, inputs: encoded.body.input.length });
      },
    },
  });
}

export { ollamaCapabilities } from './ollama-capabilities.js';
export { listOllamaModels, type OllamaModel } from './list-ollama-models.js';
export { encodeOllamaRequest, type EncodedOllamaRequest } from './encode-ollama-request.js';
export { convertToOllamaMessages } from './convert-to-ollama-messages.js';
export { decodeOllamaResponse, ollamaMetadataKey } from './decode-ollama-response.js';
export {
  createOllamaStreamDecoderState,
  decodeOllamaStreamChunk,
  endOllamaStreamDecoder,
  type OllamaStreamDecoderState,
} from './ollama-stream-decoder.js';
export { decodeOllamaStream } from './decode-ollama-stream.js';
export { mapOllamaError } from './map-ollama-error.js';
export { encodeOllamaEmbedRequest, type EncodedOllamaEmbedRequest } from './encode-ollama-embed-request.js';
export { decodeOllamaEmbedResponse } from './decode-ollama-embed-response.js';
export { mapOllamaThink } from './map-ollama-think.js';
export { mapOllamaFinishReason } from './map-ollama-finish-reason.js';
export { mapOllamaUsage } from './map-ollama-usage.js';
export { ollamaResponseId, ollamaToolCallId } from './ollama-ids.js';
export { ollamaBaseURL, ollamaEndpoint, normaliseOllamaBaseURL } from './ollama-url.js';
export type * from './ollama-api.js';
