import { type ErrorKind, type GatewayErrorBody, errorKindForStatus } from '@switchyard/core';

// https://docs.claude.com/en/api/errors
const anthropicErrorTypes: Readonly<Record<string, { kind: ErrorKind; status: number }>> = {
  invalid_request_error: { kind: 'invalid_request', status: 400 },
  authentication_error: { kind: 'authentication', status: 401 },
  // No credit left: the key is valid but may not do this, closest to a permission refusal.
  billing_error: { kind: 'permission', status: 402 },
  permission_error: { kind: 'permission', status: 403 },
  not_found_error: { kind: 'not_found', status: 404 },
  request_too_large: { kind: 'payload_too_large', status: 413 },
  rate_limit_error: { kind: 'rate_limit', status: 429 },
  api_error: { kind: 'upstream', status: 500 },
  timeout_error: { kind: 'timeout', status: 504 },
  // 529 is Anthropic's own status for a busy API.
  overloaded_error: { kind: 'overloaded', status: 529 },
};

/** The kind an Anthropic `error.type` means; the HTTP status decides for a type this table lacks. */
export function errorKindForAnthropicType(type: string | undefined, status?: number): ErrorKind {
  const known = type === undefined ? undefined : anthropicErrorTypes[type];
  if (known) return known.kind;
  return status === undefined ? 'upstream' : errorKindForStatus(status);
}

/** The HTTP status Anthropic answers with for an error type (for errors that arrive mid-stream, with no status). */
export function statusForAnthropicErrorType(type: string | undefined): number {
  return (type !== undefined && anthropicErrorTypes[type]?.status) || 500;
}

/** Anthropic's `error.type` for each kind. */
export const anthropicErrorTypeForKind: Readonly<Record<ErrorKind, string>> = {
  invalid_request: 'invalid_request_error',
  authentication: 'authentication_error',
  permission: 'permission_error',
  not_found: 'not_found_error',
  payload_too_large: 'request_too_large',
  rate_limit: 'rate_limit_error',
  timeout: 'timeout_error',
  upstream: 'api_error',
  overloaded: 'overloaded_error',
  unsupported: 'invalid_request_error',
  internal: 'api_error',
};

/** An Anthropic `{ type, message }` error object (from a body or a stream `error` event) → canonical. */
export function decodeAnthropicError(error: { type?: string | null; message?: string | null }, status?: number): GatewayErrorBody {
  const type = error.type ?? undefined;
  return {
    kind: errorKindForAnthropicType(type, status),
    status: status ?? statusForAnthropicErrorType(type),
    message: error.message || `Anthropic error${type ? ` (${type})` : ''}`,
    ...(type !== undefined && { code: type }),
  };
}
