import { GatewayError, type GatewayErrorOptions } from './gateway-error.js';

/** A connect, first-byte or idle deadline passed. */
export class TimeoutError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super('timeout', message, options);
    this.name = 'TimeoutError';
  }
}
