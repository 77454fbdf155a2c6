import { type ErrorKind, statusForErrorKind } from './error-kind.js';

const marker = Symbol.for('switchyard.gateway-error');

/** The serialisable facts of an error, as carried in a stream `error` event. */
export interface GatewayErrorBody {
  kind: ErrorKind;
  status: number;
  message: string;
  /** The request field at fault, in the client's format (`messages[0].content`). */
  param?: string;
  /** A machine-readable code (`model_not_found`, the provider's own code, …). */
  code?: string;
  /** Which provider the error came from, when it came from one. */
  provider?: string;
}

export interface GatewayErrorOptions {
  status?: number;
  param?: string;
  code?: string;
  provider?: string;
  retryable?: boolean;
  cause?: unknown;
}

/**
 * Base of every error the gateway raises on purpose. Checked with `isInstance` rather than
 * `instanceof`, which fails when two copies of core are installed side by side.
 */
export class GatewayError extends Error {
  readonly [marker] = true;
  readonly kind: ErrorKind;
  readonly status: number;
  readonly param?: string;
  readonly code?: string;
  readonly provider?: string;
  readonly retryable: boolean;

  constructor(kind: ErrorKind, message: string, options: GatewayErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GatewayError';
    this.kind = kind;
    this.status = options.status ?? statusForErrorKind[kind];
    this.param = options.param;
    this.code = options.code;
    this.provider = options.provider;
    this.retryable = options.retryable ?? false;
  }

  static isInstance(value: unknown): value is GatewayError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }

  toBody(): GatewayErrorBody {
    const body: GatewayErrorBody = { kind: this.kind, status: this.status, message: this.message };
    if (this.param !== undefined) body.param = this.param;
    if (this.code !== undefined) body.code = this.code;
    if (this.provider !== undefined) body.provider = this.provider;
    return body;
  }
}

/** Turns anything thrown into a GatewayError, hiding internals (no stack, no raw message) for unknown errors. */
export function toGatewayError(error: unknown): GatewayError {
  if (GatewayError.isInstance(error)) return error;
  return new GatewayError('internal', 'The gateway failed to handle the request.', { cause: error });
}
