import type { GatewayRequest } from '../gateway-types.js';

/**
 * The request body as a stream: the host's (uploads flow through as they arrive) or, when the
 * caller had the body in hand (tests calling the handler directly), those bytes as one chunk. Undefined when
 * there is no body.
 */
export function requestBodyStream(request: GatewayRequest): AsyncIterable<Uint8Array> | undefined {
  if (request.bodyStream) return request.bodyStream;
  if (request.body.byteLength === 0) return undefined;
  const bytes = request.body;
  return (async function* () {
    yield bytes;
  })();
}

/**
 * The whole body, for routes that must parse it (multipart forms of at most tens of MB). The
 * host's upload limit still applies while it is read: past it this throws PayloadTooLargeError.
 */
export async function readWholeBody(request: GatewayRequest): Promise<Uint8Array> {
  if (!request.bodyStream) return request.body;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.bodyStream) {
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}
