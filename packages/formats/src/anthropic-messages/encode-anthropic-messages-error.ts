import type { GatewayErrorBody } from '@switchyard/core';
import type { EncodedError } from '../chat-format-codec.js';
import { anthropicErrorTypeForKind } from './map-anthropic-error-type.js';

/** The `{ type, message }` object, shared by the error body and the stream `error` event. */
export function encodeAnthropicMessagesErrorObject(error: GatewayErrorBody): { type: string; message: string } {
  return { type: anthropicErrorTypeForKind[error.kind], message: error.message };
}

/**
 * An error as an Anthropic client expects it: the status, and `{ type: 'error', error: { type, message } }`.
 * The status is the gateway's (an Anthropic 529 stays 529; a 503 from elsewhere stays 503 —
 * the SDK retries both the same way).
 */
export function encodeAnthropicMessagesError(error: GatewayErrorBody): EncodedError {
  return { status: error.status, body: { type: 'error', error: encodeAnthropicMessagesErrorObject(error) } };
}
