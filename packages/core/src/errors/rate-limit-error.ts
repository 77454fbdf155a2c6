import { GatewayError, type GatewayErrorOptions } from './gateway-error.js';

/** Too many requests or tokens for a limit. */
export class RateLimitError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super('rate_limit', message, options);
    this.name = 'RateLimitError';
  }
}
