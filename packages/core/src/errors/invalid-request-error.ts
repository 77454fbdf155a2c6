import { GatewayError, type GatewayErrorOptions } from './gateway-error.js';

/** The request is malformed or has a field of the wrong type or value. */
export class InvalidRequestError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super('invalid_request', message, options);
    this.name = 'InvalidRequestError';
  }
}
