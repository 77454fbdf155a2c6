export type * from './embedding.js';
export type * from './image-generation.js';
export type * from './moderation.js';
export type * from './batch.js';
