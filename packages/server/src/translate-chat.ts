import { type ChatOperations, type ChatRequest, GatewayError, type GatewayErrorBody, type ProviderCallContext, type StreamEvent, UnsupportedError, UpstreamError, toGatewayError } from '@switchyard/core';
import type { ChatFormatCodec, ChatStreamEncoder } from '@switchyard/formats';
import { checkChatCapabilities } from './check-chat-capabilities.js';
import type { GatewayResponse } from './gateway-types.js';
import { peekFirst } from './peek-first.js';
import type { ResolvedTarget } from './resolve-target.js';
import type { RouteContext } from './route-context.js';

/**
 * The client's format is not the provider's: decode to canonical, let the adapter call its
 * provider, and encode the answer (or each stream event) back into the client's format.
 */
export async function translateChat(
  request: ChatRequest,
  target: ResolvedTarget,
  codec: ChatFormatCodec,
  callContext: ProviderCallContext,
  route: RouteContext,
  onFirstByte: () => void,
  /** Wraps the adapter's operations with the interceptors that apply (cache, guardrails). */
  wrap?: (operations: ChatOperations) => ChatOperations,
): Promise<GatewayResponse> {
  const adapter = target.entry.adapter;
  if (!adapter.chat) throw new UnsupportedError(`Provider "${target.entry.slug}" does not support chat.`, { provider: adapter.id });
  checkChatCapabilities(request, target.entry.slug, adapter.capabilities.chat, callContext.warn);
  const chat = wrap ? wrap(adapter.chat) : adapter.chat;
  if (!request.stream) {
    const response = await chat.generate(request, callContext);
    onFirstByte();
    route.record.usage = response.usage;
    route.record.modelAnswered = response.model;
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(codec.encodeResponse(response, { request })) };
  }
  const started = await chat.stream(request, callContext);
  // The stream counts as started (no more fallback) once its first event arrived and was not an error.
  const { first, all } = await peekFirst(started.events);
  if (!first.done && first.value.type === 'error') throw gatewayErrorFromBody(first.value.error);
  onFirstByte();
  const encoder = codec.createStreamEncoder({ includeUsage: request.streamUsage === true, request });
  return {
    status: 200,
    headers: { ...started.headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
    body: encodeStream(all, encoder, route),
  };
}

async function* encodeStream(events: AsyncIterable<StreamEvent>, encoder: ChatStreamEncoder, route: RouteContext): AsyncGenerator<string> {
  const record = route.record;
  let failed = false;
  let finished = false;
  try {
    for await (const event of events) {
      if (event.type === 'start') record.modelAnswered = event.model;
      else if (event.type === 'finish') {
        finished = true;
        if (event.usage) record.usage = event.usage;
      } else if (event.type === 'usage') record.usage = event.usage;
      else if (event.type === 'error') {
        failed = true;
        record.errorKind = event.error.kind;
        record.errorMessage = event.error.message;
      }
      const text = encoder.encode(event);
      if (text) yield text;
      if (failed) return;
    }
  } catch (error) {
    failed = true;
    const gatewayError = toGatewayError(error);
    record.errorKind = gatewayError.kind;
    record.errorMessage = gatewayError.message;
    yield encoder.encode({ type: 'error', error: gatewayError.toBody() });
    return;
  } finally {
    if (failed || !finished) record.incomplete = true;
  }
  const closing = encoder.end();
  if (closing) yield closing;
}

/** An error event that arrived before anything was sent is thrown, so the router can retry or fall back. */
function gatewayErrorFromBody(body: GatewayErrorBody): GatewayError {
  if (body.provider) return new UpstreamError(body.message, { provider: body.provider, status: body.status, kind: body.kind, code: body.code, param: body.param });
  return new GatewayError(body.kind, body.message, { status: body.status, code: body.code, param: body.param });
}
