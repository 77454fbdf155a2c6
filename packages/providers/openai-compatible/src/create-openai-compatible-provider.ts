import { type PassthroughRequest, type PassthroughResponse, type ProviderCallContext, defineProvider } from '@switchyard/core';
import { callCompatibleChat } from './call-compatible-chat.js';
import { decodeCompatibleResponse } from './decode-compatible-response.js';
import { decodeCompatibleStream } from './decode-compatible-stream.js';
import { encodeCompatibleRequest } from './encode-compatible-request.js';
import { mapCompatibleError } from './map-compatible-error.js';
import { needsRequestRewriting } from './needs-request-rewriting.js';
import { proxyCompatible } from './proxy-compatible.js';
import type { OpenAICompatibleExtensions } from './openai-compatible-extensions.js';
import type { OpenAICompatiblePreset } from './openai-compatible-preset.js';
import { relayCompatibleHeaders } from './relay-compatible-headers.js';

/**
 * One adapter for every OpenAI-compatible server: its behaviour is the preset. Requests are
 * encoded by the OpenAI Chat Completions codec and adapted to the server's quirks; answers are
 * normalised and decoded by the same codec.
 *
 * Byte passthrough (for clients that speak Chat Completions) is offered only when the preset
 * has no request quirk that needs rewriting (`needsRequestRewriting`): forwarding a client's
 * `max_completion_tokens` to a server that only reads `max_tokens`, or a `developer` turn to one
 * without that role, would break the request, so such presets always translate.
 *
 * A preset's `local` flag is not the adapter's `local`: a local server is still reached over
 * the network (loopback), so the adapter is not marked network-free.
 */
export function createOpenAICompatibleProvider(preset: OpenAICompatiblePreset, extensions: OpenAICompatibleExtensions = {}) {
  const describeError = extensions.describeError;
  const raiseFor = (response: Awaited<ReturnType<typeof callCompatibleChat>>) => mapCompatibleError(response, preset.id, describeError);

  async function passthrough(request: PassthroughRequest, context: ProviderCallContext): Promise<PassthroughResponse> {
    const response = await callCompatibleChat(preset, context, request.body, request.stream);
    return { status: response.status, headers: response.headers, body: response.body, dispose: () => response.dispose() };
  }

  return defineProvider({
    id: preset.id,
    name: preset.name,
    ...(preset.aliases?.length ? { aliases: preset.aliases } : {}),
    ...(preset.description !== undefined ? { description: preset.description } : {}),
    nativeFormat: 'openai-chat',
    defaultBaseURL: preset.baseURL,
    ...(preset.environment ? { environment: preset.environment } : {}),
    ...(preset.models ? { models: preset.models } : {}),
    capabilities: { chat: preset.capabilities, ...(preset.endpoints ? { endpoints: preset.endpoints } : {}) },
    ...(needsRequestRewriting(preset, extensions) ? {} : { passthrough }),
    // The declared endpoints and any unknown `/v1/*` path go to the server as they are.
    proxy: (request, context) => proxyCompatible(preset, request, context),

    chat: {
      async generate(request, context) {
        const body = encodeCompatibleRequest({ ...request, stream: false }, preset, extensions, context);
        const response = await callCompatibleChat(preset, context, JSON.stringify(body), false);
        if (response.status >= 300) throw await raiseFor(response);
        return decodeCompatibleResponse(response, preset);
      },

      async stream(request, context) {
        const body = encodeCompatibleRequest({ ...request, stream: true }, preset, extensions, context);
        const response = await callCompatibleChat(preset, context, JSON.stringify(body), true);
        if (response.status >= 300) throw await raiseFor(response);
        return { events: decodeCompatibleStream(response, preset, context.signal), headers: relayCompatibleHeaders(response.headers) };
      },
    },
  });
}
