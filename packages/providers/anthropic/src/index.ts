import { type HttpResponse, UpstreamError, defineProvider, readJsonAnswer} from '@switchyard/core';
import { anthropicMessagesCodec } from '@switchyard/formats';
import { anthropicBatches } from './anthropic-batches.js';
import { anthropicCapabilities } from './anthropic-capabilities.js';
import { requiredAnthropicBetas } from './anthropic-headers.js';
import { decodeAnthropicMessagesStream } from './anthropic-messages-stream.js';
import { anthropicBaseURL } from './anthropic-url.js';
import { callAnthropicMessages } from './call-anthropic-messages.js';
import { countAnthropicTokens } from './count-anthropic-tokens.js';
import { mapAnthropicError } from './map-anthropic-error.js';

/** Upstream headers worth returning with a stream: request ids and rate limits. */
function relayedHeaders(headers: Record<string, string>): Record<string, string> {
  const relayed: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'request-id' || name.startsWith('anthropic-ratelimit-') || name === 'retry-after') relayed[name] = value;
  }
  return relayed;
}


/**
 * The Anthropic adapter: Messages translated through the formats package's codec, or
 * forwarded byte for byte when the client speaks Messages itself.
 */
export function createAnthropicProvider() {
  return defineProvider({
    id: 'anthropic',
    name: 'Anthropic',
    nativeFormat: 'anthropic-messages',
    defaultBaseURL: anthropicBaseURL,
    environment: { apiKey: 'ANTHROPIC_API_KEY', baseURL: 'ANTHROPIC_BASE_URL' },
    // https://docs.claude.com/en/docs/about-claude/models/overview
    models: [
      'claude-opus-4-6',
      'claude-sonnet-4-6',
      'claude-opus-4-5',
      'claude-sonnet-4-5',
      'claude-haiku-4-5',
      'claude-opus-4-1',
      'claude-opus-4-0',
      'claude-sonnet-4-0',
      'claude-3-7-sonnet-latest',
      'claude-3-5-haiku-latest',
    ],
    capabilities: anthropicCapabilities,

    async passthrough(request, context) {
      const response = await callAnthropicMessages(context, request.body, { stream: request.stream });
      return { status: response.status, headers: response.headers, body: response.body, dispose: () => response.dispose() };
    },

    countTokens: countAnthropicTokens,

    batches: anthropicBatches,

    chat: {
      async generate(request, context) {
        const encoded = anthropicMessagesCodec.encodeRequest({ ...request, stream: false });
        encoded.warnings.forEach(context.warn);
        const response = await callAnthropicMessages(context, JSON.stringify(encoded.body), {
          stream: false,
          betas: requiredAnthropicBetas(encoded.body),
        });
        if (response.status >= 300) throw await mapAnthropicError(response);
        return anthropicMessagesCodec.decodeResponse(await readJsonAnswer(response, 'anthropic', 'Anthropic'));
      },

      async stream(request, context) {
        const encoded = anthropicMessagesCodec.encodeRequest({ ...request, stream: true });
        encoded.warnings.forEach(context.warn);
        const response = await callAnthropicMessages(context, JSON.stringify(encoded.body), {
          stream: true,
          betas: requiredAnthropicBetas(encoded.body),
        });
        if (response.status >= 300) throw await mapAnthropicError(response);
        return { events: decodeAnthropicMessagesStream(response, context.signal), headers: relayedHeaders(response.headers) };
      },
    },
  });
}

export { anthropicCapabilities } from './anthropic-capabilities.js';
export { anthropicHeaders, requiredAnthropicBetas, defaultAnthropicVersion, filesApiBeta, structuredOutputsBeta } from './anthropic-headers.js';
export { mapAnthropicError, describeAnthropicErrorBody } from './map-anthropic-error.js';
export { anthropicBaseURL, anthropicEndpoint } from './anthropic-url.js';
export { decodeAnthropicMessagesStream } from './anthropic-messages-stream.js';
export { anthropicBatches } from './anthropic-batches.js';
export { mapAnthropicBatch, mapAnthropicBatchStatus, mapAnthropicBatchResult } from './map-anthropic-batch.js';
