export * from './create-gateway.js';
export * from './gateway-config.js';
export * from './load-config.js';
export * from './bundled-adapters.js';
