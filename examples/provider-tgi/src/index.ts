import { randomUUID } from 'node:crypto';
import { defineProvider } from '@switchyard/core';
import { callTgi, tgiDefaultBaseURL } from './call-tgi.js';
import { decodeTgiAnswer } from './decode-tgi-answer.js';
import { decodeTgiStream } from './decode-tgi-stream.js';
import { encodeTgiRequest } from './encode-tgi-request.js';
import { mapTgiError } from './map-tgi-error.js';
import { tgiCapabilities } from './tgi-capabilities.js';
import { createTgiStreamState } from './tgi-stream-mapper.js';

/**
 * Hugging Face text-generation-inference through its native API: the conversation becomes a
 * ChatML prompt, `POST /generate` answers it whole and `POST /generate_stream` token by token.
 * TGI answers carry no id; one is made per answer (`tgi-<uuid>`) because every client format
 * needs one. Written against @switchyard/core alone, like any third-party adapter.
 */
export function createTgiProvider() {
  return defineProvider({
    id: 'tgi',
    name: 'Hugging Face TGI (native API)',
    description: 'text-generation-inference servers through /generate and /generate_stream',
    defaultBaseURL: tgiDefaultBaseURL,
    environment: { apiKey: 'TGI_API_KEY', baseURL: 'TGI_BASE_URL' },
    capabilities: tgiCapabilities,
    chat: {
      async generate(request, context) {
        const encoded = encodeTgiRequest(request);
        encoded.warnings.forEach(context.warn);
        const response = await callTgi(context, '/generate', encoded.body, 'application/json');
        if (response.status >= 300) throw await mapTgiError(response);
        return decodeTgiAnswer(response, request.model, `tgi-${randomUUID()}`);
      },
      async stream(request, context) {
        const encoded = encodeTgiRequest(request);
        encoded.warnings.forEach(context.warn);
        const response = await callTgi(context, '/generate_stream', encoded.body, 'text/event-stream');
        if (response.status >= 300) throw await mapTgiError(response);
        return { events: decodeTgiStream(response, createTgiStreamState(`tgi-${randomUUID()}`, request.model), context.signal) };
      },
    },
  });
}

export default createTgiProvider();
export { buildTgiPrompt } from './build-tgi-prompt.js';
export { encodeTgiRequest } from './encode-tgi-request.js';
export { tgiCapabilities } from './tgi-capabilities.js';
export type * from './tgi-api.js';
