export type * from './chat-format-codec.js';
export * from './openai-chat/index.js';
export * from './anthropic-messages/index.js';
export * from './openai-responses/index.js';
