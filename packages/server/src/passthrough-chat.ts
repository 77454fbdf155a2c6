import { type PassthroughResponse, type ProviderCallContext, type Usage, readUpstreamError, toGatewayError } from '@switchyard/core';
import type { ChatFront } from './chat-front.js';
import type { GatewayResponse } from './gateway-types.js';
import { relayHeaders } from './relay-headers.js';
import type { ResolvedTarget } from './resolve-target.js';
import type { RouteContext } from './route-context.js';
import { UsageTap } from './usage-tap.js';
import { rememberVerbatimError } from './verbatim-error.js';

/**
 * The client already speaks the provider's format: forward the client's bytes (re-serialised
 * only when the gateway changed something: the model, override params) and stream the answer's
 * bytes back untouched, reading usage from a tap for the log. An error answer is thrown (so the
 * router may retry or fall back) but remembered verbatim, to be returned as is if it is the last.
 */
export async function passthroughChat(
  body: string | Uint8Array,
  stream: boolean,
  target: ResolvedTarget,
  front: ChatFront,
  callContext: ProviderCallContext,
  route: RouteContext,
  onFirstByte: () => void,
): Promise<GatewayResponse> {
  const upstream = await target.entry.adapter.passthrough!({ format: front.codec.format, body, model: target.model, stream }, callContext);
  if (upstream.status >= 300) {
    const error = await readUpstreamError(upstream, target.entry.adapter.id);
    rememberVerbatimError(error, front.codec.format, {
      status: upstream.status,
      headers: { ...relayHeaders(upstream.headers), 'content-type': upstream.headers['content-type'] ?? 'application/json' },
      body: error.body === undefined ? '' : typeof error.body === 'string' ? error.body : JSON.stringify(error.body),
    });
    throw error;
  }
  // A stream counts as started (no more fallback) once its first bytes arrived.
  const chunks = upstream.body[Symbol.asyncIterator]();
  const first = stream ? await chunks.next() : undefined;
  onFirstByte();
  route.record.passthrough = true;
  const tap = new UsageTap(front.readPassthroughUsage);
  const headers = relayHeaders(upstream.headers);
  // The bytes go out unchanged, so a plain JSON answer keeps its length (no chunked framing).
  const length = upstream.headers['content-length'];
  if (!stream && length !== undefined && upstream.headers['content-encoding'] === undefined) headers['content-length'] = length;
  return { status: upstream.status, headers, body: relay(upstream, chunks, first, tap, route.record, stream, front) };
}

// At module level rather than inside passthroughChat: a generator function made per request also
// makes a prototype object per request, which V8 sets up as a prototype each time (--log-maps: a
// new initial map, a normalization and an optimization per request).
async function* relay(
  upstream: PassthroughResponse,
  chunks: AsyncIterator<Uint8Array>,
  first: IteratorResult<Uint8Array> | undefined,
  tap: UsageTap,
  record: RouteContext['record'],
  stream: boolean,
  front: ChatFront,
): AsyncGenerator<Uint8Array | string> {
  let complete = false;
  try {
    if (first && !first.done) {
      tap.push(first.value);
      yield first.value;
    }
    if (!first?.done) {
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        tap.push(next.value);
        yield next.value;
      }
    }
    complete = true;
  } catch (error) {
    const gatewayError = toGatewayError(error);
    record.errorKind = gatewayError.kind;
    record.errorMessage = gatewayError.message;
    // Bytes already reached the client: end the stream with the format's own error event.
    if (!stream) throw error;
    yield front.codec.createStreamEncoder().encode({ type: 'error', error: gatewayError.toBody() });
  } finally {
    if (!complete) {
      record.incomplete = true;
      upstream.dispose();
    }
    const seen: { usage?: Usage; model?: string } = tap.read();
    record.usage = seen.usage;
    record.modelAnswered = seen.model;
  }
}
