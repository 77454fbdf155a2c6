import { type ProviderCallContext, type Usage, toGatewayError } from '@switchyard/core';
import type { ChatFront } from './chat-front.js';
import type { GatewayResponse } from './gateway-types.js';
import { relayHeaders } from './relay-headers.js';
import type { ResolvedTarget } from './resolve-target.js';
import type { RouteContext } from './route-context.js';
import { UsageTap } from './usage-tap.js';

/**
 * The client already speaks the provider's format: forward the client's bytes (re-serialised
 * only when `model` had to be rewritten) and stream the answer's bytes back untouched,
 * reading usage from a tap for the log.
 */
export async function passthroughChat(
  rawBody: Uint8Array,
  body: Record<string, unknown>,
  target: ResolvedTarget,
  front: ChatFront,
  callContext: ProviderCallContext,
  route: RouteContext,
): Promise<GatewayResponse> {
  const adapter = target.entry.adapter;
  const stream = body.stream === true;
  const rewritten = body.model !== target.model;
  const upstream = await adapter.passthrough!(
    {
      format: front.codec.format,
      body: rewritten ? JSON.stringify({ ...body, model: target.model }) : rawBody,
      model: target.model,
      stream,
    },
    callContext,
  );
  route.record.passthrough = true;
  const isStream = stream && upstream.status < 300;
  const tap = new UsageTap(front.readPassthroughUsage);
  const record = route.record;
  async function* relay(): AsyncGenerator<Uint8Array | string> {
    let complete = false;
    try {
      for await (const chunk of upstream.body) {
        tap.push(chunk);
        yield chunk;
      }
      complete = true;
    } catch (error) {
      const gatewayError = toGatewayError(error);
      record.errorKind = gatewayError.kind;
      record.errorMessage = gatewayError.message;
      // Bytes already reached the client: end the stream with the format's own error event.
      if (!isStream) throw error;
      yield front.codec.createStreamEncoder().encode({ type: 'error', error: gatewayError.toBody() });
    } finally {
      if (!complete) {
        record.incomplete = true;
        upstream.dispose();
      }
      const seen: { usage?: Usage; model?: string } = upstream.status < 300 ? tap.read() : {};
      record.usage = seen.usage;
      record.modelAnswered = seen.model;
    }
  }
  const headers = relayHeaders(upstream.headers);
  // The bytes go out unchanged, so a plain JSON answer keeps its length (no chunked framing).
  const length = upstream.headers['content-length'];
  if (!isStream && length !== undefined && upstream.headers['content-encoding'] === undefined) headers['content-length'] = length;
  return { status: upstream.status, headers, body: relay() };
}
