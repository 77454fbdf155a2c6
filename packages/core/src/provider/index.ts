export * from './specification-version.js';
export * from './wire-format.js';
export type * from './provider-capabilities.js';
export type * from './provider-adapter.js';
export * from './define-provider.js';
export * from './speaks-natively.js';
export * from './endpoint-id.js';
