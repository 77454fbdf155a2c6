import type { ErrorKind, GatewayErrorBody } from '@switchyard/core';
import type { EncodedError } from '../chat-format-codec.js';

/**
 * OpenAI's `error.type` for each kind. OpenAI itself answers an unknown model with
 * `invalid_request_error` + code `model_not_found` (status 404); the code given is kept,
 * so a not_found error carrying that code reads exactly like OpenAI's.
 */
export const openAIChatErrorTypeForKind: Readonly<Record<ErrorKind, string>> = {
  invalid_request: 'invalid_request_error',
  authentication: 'authentication_error',
  permission: 'permission_error',
  not_found: 'not_found_error',
  payload_too_large: 'invalid_request_error',
  rate_limit: 'rate_limit_error',
  timeout: 'timeout_error',
  upstream: 'api_error',
  overloaded: 'server_error',
  unsupported: 'invalid_request_error',
  internal: 'server_error',
};

/** The `{ message, type, param, code }` object, shared by the error body and the stream error chunk. */
export function encodeOpenAIChatErrorObject(error: GatewayErrorBody): Record<string, unknown> {
  return {
    message: error.message,
    type: openAIChatErrorTypeForKind[error.kind],
    param: error.param ?? null,
    code: error.code ?? null,
  };
}

/** An error as an OpenAI client expects it: the status, and `{ error: { message, type, param, code } }`. */
export function encodeOpenAIChatError(error: GatewayErrorBody): EncodedError {
  return { status: error.status, body: { error: encodeOpenAIChatErrorObject(error) } };
}
