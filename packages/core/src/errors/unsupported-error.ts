import { GatewayError, type GatewayErrorOptions } from './gateway-error.js';

/** The target cannot do what was asked (an endpoint or a feature it lacks). */
export class UnsupportedError extends GatewayError {
  constructor(message: string, options: GatewayErrorOptions = {}) {
    super('unsupported', message, options);
    this.name = 'UnsupportedError';
  }
}
