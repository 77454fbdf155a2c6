export * from './gateway-types.js';
export * from './gateway-handler.js';
export * from './express-host.js';
export * from './header-api.js';
export { resolveTarget, type ResolvedTarget, type TargetResolution } from './resolve-target.js';
export * from './serve-gateway.js';
export * from './serve-gateway-for-adapters.js';
