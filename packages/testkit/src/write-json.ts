import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Answers with a whole JSON body: `content-type` and `content-length` first, then the caller's
 * headers (which may replace the content type). A string body is sent as given, so a mock can
 * keep its provider's own formatting.
 */
export function writeJson(response: ServerResponse, status: number, body: string | object, headers: OutgoingHttpHeaders = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}
