import { GatewayError, type GatewayErrorOptions } from './gateway-error.js';

/** No valid credentials were given. */
export class AuthenticationError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super('authentication', message, options);
    this.name = 'AuthenticationError';
  }
}
