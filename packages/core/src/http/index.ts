export type * from './http-types.js';
export * from './http-client.js';
export * from './read-upstream-error.js';
export * from './guarded-lookup.js';
export * from './read-json-answer.js';
