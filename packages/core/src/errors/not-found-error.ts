import { GatewayError, type GatewayErrorOptions } from './gateway-error.js';

/** The model, provider or route does not exist. */
export class NotFoundError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super('not_found', message, options);
    this.name = 'NotFoundError';
  }
}
