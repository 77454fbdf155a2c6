import type { ChatFormatCodec } from '../chat-format-codec.js';
import { decodeOpenAIChatRequest } from './decode-openai-chat-request.js';
import { decodeOpenAIChatResponse } from './decode-openai-chat-response.js';
import { encodeOpenAIChatError } from './encode-openai-chat-error.js';
import { encodeOpenAIChatRequest } from './encode-openai-chat-request.js';
import { encodeOpenAIChatResponse } from './encode-openai-chat-response.js';
import { createOpenAIChatStreamDecoder } from './openai-chat-stream-decoder.js';
import { createOpenAIChatStreamEncoder } from './openai-chat-stream-encoder.js';

/** OpenAI Chat Completions, all four directions. */
export const openAIChatCodec: ChatFormatCodec = {
  format: 'openai-chat',
  decodeRequest: decodeOpenAIChatRequest,
  encodeRequest: encodeOpenAIChatRequest,
  decodeResponse: decodeOpenAIChatResponse,
  encodeResponse: encodeOpenAIChatResponse,
  createStreamDecoder: createOpenAIChatStreamDecoder,
  createStreamEncoder: createOpenAIChatStreamEncoder,
  encodeError: encodeOpenAIChatError,
};

export * from './openai-chat-api.js';
export { decodeOpenAIChatRequest, openAIChatProviderOptionsKey } from './decode-openai-chat-request.js';
export { encodeOpenAIChatRequest } from './encode-openai-chat-request.js';
export { decodeOpenAIChatResponse } from './decode-openai-chat-response.js';
export { encodeOpenAIChatResponse } from './encode-openai-chat-response.js';
export {
  openAIChatMetadataKey,
  readOpenAIChatResponseMetadata,
  type OpenAIChatResponseMetadata,
} from './openai-chat-response-metadata.js';
export { decodeOpenAIChatFinishReason, encodeOpenAIChatFinishReason } from './map-openai-chat-finish-reason.js';
export { decodeOpenAIChatUsage, encodeOpenAIChatUsage } from './map-openai-chat-usage.js';
export { decodeOpenAIChatError } from './decode-openai-chat-error.js';
export { encodeOpenAIChatError, encodeOpenAIChatErrorObject, openAIChatErrorTypeForKind } from './encode-openai-chat-error.js';
export { toOpenAIChatInvalidRequest, formatParamPath } from './to-openai-chat-invalid-request.js';
export {
  createOpenAIChatStreamDecoder,
  createOpenAIChatStreamDecoderState,
  decodeOpenAIChatStreamEvent,
  endOpenAIChatStreamDecoder,
  type OpenAIChatStreamDecoderState,
} from './openai-chat-stream-decoder.js';
export {
  createOpenAIChatStreamEncoder,
  createOpenAIChatStreamEncoderState,
  encodeOpenAIChatStreamEvent,
  endOpenAIChatStreamEncoder,
  type OpenAIChatStreamEncoderState,
} from './openai-chat-stream-encoder.js';

export { askStreamUsage } from './ask-stream-usage.js';
