import { GatewayError, type GatewayErrorOptions } from './gateway-error.js';

/** The request body is over the configured limit. */
export class PayloadTooLargeError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super('payload_too_large', message, options);
    this.name = 'PayloadTooLargeError';
  }
}
