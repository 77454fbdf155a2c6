import type { HttpRequest, HttpResponse, HttpTransport } from '@switchyard/core';
import type { RequestObservationHooks } from './request-observer.js';

/**
 * Wraps the transport for one request and adds up the time spent waiting on upstreams (until
 * headers, then each body read), so the gateway can report its own overhead as total minus that.
 * Also the place where trace hooks put `traceparent` on each upstream call.
 */
export interface UpstreamTimer {
  http: HttpTransport;
  /** Milliseconds spent waiting on upstreams so far. */
  upstreamMs(): number;
}

export function measureUpstream(http: HttpTransport, hooks?: RequestObservationHooks): UpstreamTimer {
  let waited = 0;
  const timed = async <T>(work: Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work;
    } finally {
      waited += performance.now() - start;
    }
  };
  return {
    upstreamMs: () => waited,
    http: {
      async request(request: HttpRequest): Promise<HttpResponse> {
        const call = hooks?.upstreamCall?.({ provider: request.provider, method: request.method ?? 'GET', url: request.url });
        // Object.assign rather than `{ ...request.headers, ...call.headers }`: on Node 20 keys added to a
        // spread copy give it a new hidden class on every call (--log-maps), as in verbatim-error.ts.
        const sent = call?.headers ? { ...request, headers: Object.assign({}, request.headers, call.headers) } : request;
        let response: HttpResponse;
        try {
          response = await timed(http.request(sent));
        } catch (error) {
          call?.end({ error });
          throw error;
        }
        let ended = false;
        const end = (error?: unknown) => {
          if (ended) return;
          ended = true;
          call?.end(error === undefined ? { status: response.status } : { status: response.status, error });
        };
        const body = response.body;
        return {
          status: response.status,
          headers: response.headers,
          body: {
            [Symbol.asyncIterator]() {
              const iterator = body[Symbol.asyncIterator]();
              return {
                async next() {
                  try {
                    const result = await timed(iterator.next());
                    if (result.done) end();
                    return result;
                  } catch (error) {
                    end(error);
                    throw error;
                  }
                },
                async return(value?: unknown) {
                  end();
                  return (await iterator.return?.(value)) ?? { done: true as const, value: undefined };
                },
              };
            },
          },
          text: () => timed(response.text()).finally(() => end()),
          bytes: () => timed(response.bytes()).finally(() => end()),
          json: () => timed(response.json()).finally(() => end()),
          dispose() {
            end();
            response.dispose();
          },
        };
      },
    },
  };
}

