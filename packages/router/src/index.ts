export * from './model-string.js';
export * from './host-allow-list.js';
export * from './provider-catalog.js';
