import type { WireFormat } from '@switchyard/core';
import type { GatewayResponse } from './gateway-types.js';

/**
 * An error answer from a passthrough upstream is already in the client's format: when it is
 * the request's final outcome the client gets those bytes, not a re-encoding of them.
 */
const verbatim = new WeakMap<object, { format: WireFormat | undefined; response: GatewayResponse }>();

/** `format` is the chat format of the client, or undefined for the other OpenAI endpoints (proxied as is). */
export function rememberVerbatimError(error: object, format: WireFormat | undefined, response: GatewayResponse): void {
  verbatim.set(error, { format, response });
}

export function verbatimErrorResponse(error: unknown, format: WireFormat | undefined): GatewayResponse | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const found = verbatim.get(error);
  // The headers are copied with Object.assign: the handler adds its own to them, and on Node 20 keys
  // added to a spread copy give it a new hidden class on every response (--log-maps).
  return found && found.format === format ? { ...found.response, headers: Object.assign({}, found.response.headers) } : undefined;
}
