export type * from './sse-event.js';
