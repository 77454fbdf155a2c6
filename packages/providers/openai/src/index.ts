import { defineProvider, readUpstreamError } from '@switchyard/core';
import { askStreamUsage, openAIChatCodec } from '@switchyard/formats';
import { callChatCompletions } from './call-chat-completions.js';
import { openAICapabilities } from './openai-capabilities.js';
import { decodeOpenAIChatStream } from './openai-chat-stream.js';
import { proxyOpenAI } from './openai-proxy.js';
import { openAIBaseURL } from './openai-url.js';

/** The OpenAI adapter: Chat Completions translated, or forwarded byte for byte when the client speaks it. */
export function createOpenAIProvider() {
  return defineProvider({
    id: 'openai',
    name: 'OpenAI',
    nativeFormat: 'openai-chat',
    // OpenAI serves the Responses API too: Responses clients go through byte for byte.
    alsoNative: ['openai-responses'],
    defaultBaseURL: openAIBaseURL,
    environment: { apiKey: 'OPENAI_API_KEY', baseURL: 'OPENAI_BASE_URL' },
    models: ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini', 'o4-mini', 'gpt-5', 'gpt-5-mini'],
    capabilities: openAICapabilities,

    async passthrough(request, context) {
      const path = request.format === 'openai-responses' ? '/responses' : '/chat/completions';
      const response = await callChatCompletions(context, request.body, request.stream, path);
      return { status: response.status, headers: response.headers, body: response.body, dispose: () => response.dispose() };
    },

    proxy: proxyOpenAI,

    chat: {
      async generate(request, context) {
        const encoded = openAIChatCodec.encodeRequest({ ...request, stream: false });
        encoded.warnings.forEach(context.warn);
        const response = await callChatCompletions(context, JSON.stringify(encoded.body), false);
        if (response.status >= 300) throw await readUpstreamError(response, 'openai');
        return openAIChatCodec.decodeResponse(await response.json());
      },

      async stream(request, context) {
        const encoded = openAIChatCodec.encodeRequest({ ...request, stream: true });
        encoded.warnings.forEach(context.warn);
        const body = askStreamUsage(encoded.body);
        const response = await callChatCompletions(context, JSON.stringify(body), true);
        if (response.status >= 300) throw await readUpstreamError(response, 'openai');
        return { events: decodeOpenAIChatStream(response) };
      },
    },
  });
}
