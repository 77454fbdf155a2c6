import type { GatewayHandler, GatewayRequest, GatewayResponse, ResponseBody } from '@switchyard/server';

/**
 * A WHATWG `fetch` that answers from the gateway handler in this process: no server, no socket.
 * The request's signal reaches the handler (so an abort reaches the upstream call), and a
 * streamed answer becomes a ReadableStream pulled from the handler's async iterable.
 *
 * Bodies go as the express host sends them: whole for JSON routes, and as `bodyStream` for the
 * routes that take uploads (`handler.bodyMode` says `streamed`: files, audio and image forms, the
 * `/v1/*` proxy), so an upload flows to the provider as the route reads it, never held whole.
 */
export function createEmbeddedFetch(handler: GatewayHandler): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const signal = init?.signal ?? request.signal;
    signal?.throwIfAborted();
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const streamed = request.body !== null && handler.bodyMode?.(request.method, url.pathname) === 'streamed';
    const gatewayRequest: GatewayRequest = {
      method: request.method,
      path: url.pathname,
      query: url.search ? url.search.slice(1) : undefined,
      headers,
      body: streamed ? emptyBody : new Uint8Array(await request.arrayBuffer()),
      signal: signal ?? new AbortController().signal,
    };
    if (streamed) gatewayRequest.bodyStream = readWebStream(request.body!, gatewayRequest.signal);
    const response = await handler.handle(gatewayRequest);
    // As with fetch over a socket: a call aborted before its answer started rejects, whatever the handler made of the abort.
    if (gatewayRequest.signal.aborted) {
      if (isStreamBody(response.body)) await response.body[Symbol.asyncIterator]().return?.();
      throw abortReason(gatewayRequest.signal);
    }
    return toWebResponse(response, gatewayRequest.signal);
  };
}

const emptyBody = new Uint8Array(0);

/**
 * A request body as the handler's async iterable, pulled only as the route reads it. A route
 * that stops early cancels it; so does an abort, even while a read waits on a stalled producer.
 */
async function* readWebStream(stream: ReadableStream<Uint8Array>, signal: AbortSignal): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  const onAbort = () => void reader.cancel(abortReason(signal)).catch(() => {});
  signal.addEventListener('abort', onAbort, { once: true });
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      // A cancelled read ends as `done`: the body was cut, not complete.
      if (signal.aborted) throw abortReason(signal);
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (!done) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

function isStreamBody(body: ResponseBody | undefined): body is AsyncIterable<string | Uint8Array> {
  return typeof body === 'object' && body !== null && Symbol.asyncIterator in body;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function toWebResponse(response: GatewayResponse, signal: AbortSignal): Response {
  const init = { status: response.status, headers: response.headers };
  // 204 and 304 may carry no body.
  if (response.status === 204 || response.status === 304) return new Response(null, init);
  return new Response(toBodyInit(response.body, signal), init);
}

type WebBody = ConstructorParameters<typeof Response>[0];

function toBodyInit(body: ResponseBody | undefined, signal: AbortSignal): WebBody {
  if (body === undefined) return null;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  return toReadableStream(body, signal);
}

const encoder = new TextEncoder();

function toReadableStream(chunks: AsyncIterable<string | Uint8Array>, signal: AbortSignal): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  let onAbort: (() => void) | undefined;
  const stop = () => {
    if (onAbort) signal.removeEventListener('abort', onAbort);
    onAbort = undefined;
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      onAbort = () => {
        stop();
        controller.error(abortReason(signal));
        void iterator.return?.();
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    },
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (signal.aborted) return;
        if (next.done) {
          stop();
          controller.close();
        } else controller.enqueue(typeof next.value === 'string' ? encoder.encode(next.value) : next.value);
      } catch (error) {
        stop();
        if (!signal.aborted) controller.error(error);
      }
    },
    async cancel() {
      stop();
      await iterator.return?.();
    },
  });
}
