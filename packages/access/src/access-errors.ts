import { AuthenticationError, GatewayError, RateLimitError } from '@switchyard/core';

/** A 429 that carries the headers a client needs to back off (`retry-after`, `x-ratelimit-*`). */
export class AccessLimitError extends RateLimitError {
  readonly responseHeaders: Record<string, string>;
  constructor(message: string, options: { code: string; headers: Record<string, string> }) {
    super(message, { code: options.code });
    this.responseHeaders = options.headers;
  }
}

export function keyNotValid(reason: string): AuthenticationError {
  return new AuthenticationError(`The gateway key presented is not valid: ${reason}.`, { code: 'invalid_api_key' });
}

export function targetNotAllowed(what: 'model' | 'provider', name: string): GatewayError {
  return new GatewayError('permission', `This gateway key may not use the ${what} "${name}".`, { code: `${what}_not_allowed`, param: what === 'model' ? 'model' : undefined });
}

/** Redis is down and the operator chose fail-closed. */
export function limitsUnavailable(): GatewayError {
  return new GatewayError('overloaded', 'Rate limits cannot be checked right now (the limit store is unreachable); try again shortly.', {
    code: 'rate_limit_store_unavailable',
    retryable: true,
  });
}
