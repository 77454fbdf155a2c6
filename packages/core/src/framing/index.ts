export type * from './sse-event.js';
export * from './sse-parser.js';
export * from './sse-writer.js';
export * from './ndjson-parser.js';
export { createAwsEventStreamDecoder, encodeAwsEventStreamMessage, type AwsEventStreamDecoder, type AwsEventStreamHeaderInput, type AwsEventStreamHeaderValue, type AwsEventStreamMessage } from './aws-event-stream.js';
