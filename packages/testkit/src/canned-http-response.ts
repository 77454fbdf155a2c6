import type { HttpResponse } from '@switchyard/core';

/**
 * An upstream answer as the HTTP helper hands it to an adapter, made up in memory: for unit
 * tests of error mappers and other readers that need no server. A body that is not a string
 * is sent as JSON; the content type is JSON unless `headers` says otherwise.
 */
export function cannedHttpResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const bytes = new TextEncoder().encode(text);
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: (async function* () {
      yield bytes;
    })(),
    text: async () => text,
    bytes: async () => bytes,
    json: async () => JSON.parse(text),
    dispose: () => {},
  };
}
