import type { GatewayHandler, GatewayRequest, GatewayResponse, ResponseBody } from '@switchyard/server';

/**
 * A WHATWG `fetch` that answers from the gateway handler in this process: no server, no socket.
 * The request's signal reaches the handler (so an abort reaches the upstream call), and a
 * streamed answer becomes a ReadableStream pulled from the handler's async iterable.
 */
export function createEmbeddedFetch(handler: GatewayHandler): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const signal = init?.signal ?? request.signal;
    signal?.throwIfAborted();
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const gatewayRequest: GatewayRequest = {
      method: request.method,
      path: url.pathname,
      query: url.search ? url.search.slice(1) : undefined,
      headers,
      body: new Uint8Array(await request.arrayBuffer()),
      signal: signal ?? new AbortController().signal,
    };
    const response = await handler.handle(gatewayRequest);
    return toWebResponse(response, gatewayRequest.signal);
  };
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
        controller.error(signal.reason ?? new DOMException('This operation was aborted', 'AbortError'));
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
