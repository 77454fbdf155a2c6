import type { Dispatcher } from 'undici';
import type { HttpResponse } from './http-types.js';
import { mapUndiciError, type UpstreamCall } from './map-undici-error.js';

/**
 * The core view of an undici answer. The body stays undici's stream (no copy); only its errors
 * are translated, so a stalled or cut stream surfaces as TimeoutError / UpstreamError from the
 * `for await` that reads it.
 */
export function wrapUndiciResponse(response: Dispatcher.ResponseData, call: UpstreamCall): HttpResponse {
  const raw = response.body;
  const translate = (error: unknown): never => {
    throw mapUndiciError(error, call, 'body');
  };
  const body: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]() {
      const iterator = raw[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
      // A hand-written iterator rather than an async generator: one promise per chunk, not three.
      return {
        next: () => iterator.next().catch(translate),
        return: (value?: unknown) =>
          iterator.return ? iterator.return(value).catch(translate) : Promise.resolve({ done: true, value: undefined }),
      };
    },
  };
  return {
    status: response.statusCode,
    headers: joinHeaders(response.headers),
    body,
    text: () => raw.text().catch(translate),
    bytes: () => raw.bytes().catch(translate),
    json: () => raw.json().catch(translate),
    dispose: () => {
      raw.destroy();
    },
  };
}

// undici already lower-cases header names; repeated headers arrive as arrays.
function joinHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const joined: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    joined[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return joined;
}
