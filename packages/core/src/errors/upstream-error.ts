import { type ErrorKind, errorKindForStatus } from './error-kind.js';
import { GatewayError } from './gateway-error.js';

export interface UpstreamErrorOptions {
  provider: string;
  /** The upstream's HTTP status; absent when no answer came (connection refused, reset). */
  status?: number;
  headers?: Record<string, string>;
  /** The upstream's error body, parsed when it was JSON. */
  body?: unknown;
  retryable?: boolean;
  kind?: ErrorKind;
  param?: string;
  code?: string;
  cause?: unknown;
}

/**
 * A provider answered with an error, or could not be reached. The client gets the
 * upstream's status (so a 400 stays a 400) or 502 when there was no answer.
 */
export class UpstreamError extends GatewayError {
  readonly upstreamStatus?: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;

  constructor(message: string, options: UpstreamErrorOptions) {
    const kind = options.kind ?? (options.status === undefined ? 'upstream' : errorKindForStatus(options.status));
    super(kind, message, {
      status: options.status !== undefined && options.status >= 400 ? options.status : undefined,
      provider: options.provider,
      retryable: options.retryable ?? isRetryableStatus(options.status),
      param: options.param,
      code: options.code,
      cause: options.cause,
    });
    this.name = 'UpstreamError';
    this.upstreamStatus = options.status;
    this.headers = options.headers ?? {};
    this.body = options.body;
  }

  static override isInstance(value: unknown): value is UpstreamError {
    return GatewayError.isInstance(value) && value.name === 'UpstreamError';
  }
}

/** Statuses worth retrying on another attempt: no answer, throttling, and server faults. */
export function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
}
