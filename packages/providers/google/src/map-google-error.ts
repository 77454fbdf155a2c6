import {
  type ErrorKind,
  type GatewayErrorBody,
  type HttpResponse,
  type UpstreamErrorDescription,
  UpstreamError,
  errorKindForStatus,
  readUpstreamError,
  statusForErrorKind,
} from '@switchyard/core';
import type { GoogleErrorObject } from './google-api.js';

/**
 * Google's gRPC status names → error kinds.
 * https://cloud.google.com/apis/design/errors#handling_errors and
 * https://ai.google.dev/gemini-api/docs/troubleshooting#error-codes
 */
const kindForGoogleStatus: Readonly<Record<string, ErrorKind>> = {
  INVALID_ARGUMENT: 'invalid_request',
  FAILED_PRECONDITION: 'invalid_request',
  OUT_OF_RANGE: 'invalid_request',
  UNAUTHENTICATED: 'authentication',
  PERMISSION_DENIED: 'permission',
  NOT_FOUND: 'not_found',
  RESOURCE_EXHAUSTED: 'rate_limit',
  CANCELLED: 'upstream',
  ABORTED: 'upstream',
  INTERNAL: 'upstream',
  UNKNOWN: 'upstream',
  UNAVAILABLE: 'overloaded',
  DEADLINE_EXCEEDED: 'timeout',
};

/** The error object of a Google error body (`{error}` or `[{error}]`), if it is one. */
export function readGoogleErrorObject(body: unknown): GoogleErrorObject | undefined {
  const unwrapped = Array.isArray(body) && body.length === 1 ? body[0] : body;
  if (typeof unwrapped !== 'object' || unwrapped === null) return undefined;
  const error = (unwrapped as { error?: unknown }).error;
  return typeof error === 'object' && error !== null && !Array.isArray(error) ? (error as GoogleErrorObject) : undefined;
}

/** `{ error: { code, message, status } }` → the message, with the status name as the code. */
export function describeGoogleErrorBody(body: unknown): UpstreamErrorDescription | undefined {
  const error = readGoogleErrorObject(body);
  // Anything else (a proxy's HTML page …) stays in the error's body; the message is then generic.
  if (!error) return undefined;
  return {
    message: typeof error.message === 'string' && error.message !== '' ? error.message : undefined,
    code: typeof error.status === 'string' && error.status !== '' ? error.status : undefined,
  };
}

/**
 * The kind of a Google error. The status name decides where there is one, with two quirks:
 * a bad API key is answered 400 INVALID_ARGUMENT ("API key not valid", reason
 * API_KEY_INVALID) and a missing one 403 PERMISSION_DENIED ("unregistered callers"): both
 * are authentication failures, not a malformed request or a missing permission.
 */
export function googleErrorKind(httpStatus: number | undefined, error: GoogleErrorObject | undefined): ErrorKind {
  if (error && isApiKeyFailure(error)) return 'authentication';
  const byName = typeof error?.status === 'string' ? kindForGoogleStatus[error.status] : undefined;
  if (byName) return byName;
  const status = httpStatus ?? (typeof error?.code === 'number' ? error.code : undefined);
  return status === undefined ? 'upstream' : errorKindForStatus(status);
}

function isApiKeyFailure(error: GoogleErrorObject): boolean {
  const message = typeof error.message === 'string' ? error.message : '';
  if (/API key not valid|API key expired|API_KEY_INVALID|unregistered callers/i.test(message)) return true;
  return (error.details ?? []).some(
    (detail) => typeof detail === 'object' && detail !== null && (detail as { reason?: unknown }).reason === 'API_KEY_INVALID',
  );
}

/**
 * An error answer from Gemini → an UpstreamError of the right kind. The client still gets
 * Gemini's own status (a bad key stays a 400, as core keeps upstream statuses), but the kind
 * (and so the client format's error type) says what happened.
 */
export async function readGoogleUpstreamError(response: HttpResponse, provider: string): Promise<UpstreamError> {
  const read = await readUpstreamError(response, provider, describeGoogleErrorBody);
  const kind = googleErrorKind(response.status, readGoogleErrorObject(read.body));
  if (kind === read.kind) return read;
  return new UpstreamError(read.message, {
    provider,
    status: read.upstreamStatus,
    headers: read.headers,
    body: read.body,
    code: read.code,
    param: read.param,
    kind,
  });
}

/** An `error` object met inside a stream → the body of a canonical error event. */
export function googleStreamErrorBody(error: GoogleErrorObject, provider: string): GatewayErrorBody {
  const kind = googleErrorKind(undefined, error);
  const status = typeof error.code === 'number' && error.code >= 400 ? error.code : statusForErrorKind[kind];
  const body: GatewayErrorBody = {
    kind,
    status,
    message: typeof error.message === 'string' && error.message !== '' ? error.message : `${provider} reported an error in the stream.`,
    provider,
  };
  if (typeof error.status === 'string' && error.status !== '') body.code = error.status;
  return body;
}
