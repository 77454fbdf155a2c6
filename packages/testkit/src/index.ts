export * from './fixtures.js';
export * from './mock-server.js';
export type { MockFault } from './mock-fault.js';
export type { ReplayAnswer } from './replay-answer.js';
export * from './recorded-answer.js';
export * from './plan-openai-reply.js';
export * from './encode-openai-reply.js';
export * from './openai-mock.js';
