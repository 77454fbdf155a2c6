export * from './canonical/index.js';
export * from './errors/index.js';
export * from './provider/index.js';
export type * from './endpoints/index.js';
export * from './framing/index.js';
export * from './http/index.js';
export type * from './storage/response-store.js';
export type * from './storage/file-store.js';
export * from './guardrails/index.js';
