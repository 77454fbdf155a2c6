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
  return found && found.format === format ? { ...found.response, headers: { ...found.response.headers } } : undefined;
}
