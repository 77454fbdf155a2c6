import { InvalidRequestError } from '../errors/invalid-request-error.js';
import { addressRefusedCode } from './guarded-lookup.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { UpstreamError } from '../errors/upstream-error.js';

/** What an error raised by undici is judged against: who was called, where, with which deadlines. */
export interface UpstreamCall {
  provider: string;
  /** Scheme, host and port only: the path and query may hold a key (Gemini's `?key=`). */
  origin: string;
  connectMs: number;
  headersMs: number;
  bodyIdleMs: number;
  signal?: AbortSignal;
}

// The connection could not be made, or broke: worth another attempt, maybe on another target.
const connectionErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
]);

/**
 * Turns what undici throws into the gateway's error kinds: a passed deadline into a TimeoutError,
 * a failed connection or a garbled answer into an UpstreamError without status. The caller's own
 * abort comes back as the signal's reason, unchanged; anything else (a bad argument) is returned as is.
 * Messages name the provider and origin only, never request headers, which hold keys.
 */
export function mapUndiciError(error: unknown, call: UpstreamCall, phase: 'request' | 'body'): unknown {
  if (call.signal?.aborted) return call.signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
  const code = errorCode(error);
  if (code === undefined) return error;
  const { provider, origin } = call;
  switch (code) {
    case addressRefusedCode:
      return new InvalidRequestError(`The gateway refused to connect to ${provider} at ${origin}: ${(error as Error).message}.`, {
        code: 'host_not_allowed',
        cause: error,
      });
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new TimeoutError(`could not connect to ${provider} at ${origin} within ${call.connectMs} ms`, {
        provider,
        retryable: true,
        cause: error,
      });
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new TimeoutError(`${provider} did not send response headers within ${call.headersMs} ms`, {
        provider,
        retryable: true,
        cause: error,
      });
    case 'UND_ERR_BODY_TIMEOUT':
      return new TimeoutError(`${provider} sent nothing of the response body for ${call.bodyIdleMs} ms`, {
        provider,
        retryable: true,
        cause: error,
      });
  }
  if (code === 'UND_ERR_INVALID_ARG') {
    // undici refuses a header value with CR, LF or NUL (a header-smuggling attempt, usually from a
    // config target's value). Name the header, never its value: it may hold a key.
    const header = /^invalid (.+) header$/.exec((error as Error).message)?.[1];
    if (header !== undefined) {
      return new InvalidRequestError(`The value for the "${header}" header to ${provider} is not a valid header value (it contains a line break or a control character).`, {
        param: header,
        code: 'invalid_header_value',
        cause: error,
      });
    }
  }
  if (connectionErrorCodes.has(code)) {
    const message =
      phase === 'request'
        ? `could not reach ${provider} at ${origin}: ${code}`
        : `lost the connection to ${provider} at ${origin} while reading the response: ${code}`;
    return new UpstreamError(message, { provider, retryable: true, cause: error });
  }
  if (code.startsWith('HPE_') || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
    return new UpstreamError(`${provider} at ${origin} sent a malformed HTTP response: ${code}`, {
      provider,
      retryable: true,
      cause: error,
    });
  }
  return error;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code } = error as { code?: unknown };
  if (typeof code === 'string') return code;
  // Node's happy-eyeballs connect tries every address of a host and reports them together.
  if (error instanceof AggregateError && error.errors.length > 0) return errorCode(error.errors[0]);
  return undefined;
}
