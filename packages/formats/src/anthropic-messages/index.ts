import type { ChatFormatCodec } from '../chat-format-codec.js';
import { createAnthropicMessagesStreamDecoder } from './anthropic-messages-stream-decoder.js';
import { createAnthropicMessagesStreamEncoder } from './anthropic-messages-stream-encoder.js';
import { decodeAnthropicMessagesRequest } from './decode-anthropic-messages-request.js';
import { decodeAnthropicMessagesResponse } from './decode-anthropic-messages-response.js';
import { encodeAnthropicMessagesError } from './encode-anthropic-messages-error.js';
import { encodeAnthropicMessagesRequest } from './encode-anthropic-messages-request.js';
import { encodeAnthropicMessagesResponse } from './encode-anthropic-messages-response.js';

/** Anthropic Messages, all four directions. */
export const anthropicMessagesCodec: ChatFormatCodec = {
  format: 'anthropic-messages',
  decodeRequest: decodeAnthropicMessagesRequest,
  encodeRequest: encodeAnthropicMessagesRequest,
  decodeResponse: decodeAnthropicMessagesResponse,
  encodeResponse: encodeAnthropicMessagesResponse,
  createStreamDecoder: createAnthropicMessagesStreamDecoder,
  createStreamEncoder: createAnthropicMessagesStreamEncoder,
  encodeError: encodeAnthropicMessagesError,
};

export * from './anthropic-messages-api.js';
export { decodeAnthropicMessagesRequest, anthropicOutputFormatName } from './decode-anthropic-messages-request.js';
export {
  encodeAnthropicMessagesRequest,
  anthropicMessagesProviderOptionsKey,
  thinkingBudgetForEffort,
  minimumThinkingBudget,
} from './encode-anthropic-messages-request.js';
export { decodeAnthropicMessagesResponse } from './decode-anthropic-messages-response.js';
export { encodeAnthropicMessagesResponse } from './encode-anthropic-messages-response.js';
export {
  anthropicMessagesMetadataKey,
  readAnthropicMessagesResponseMetadata,
  type AnthropicMessagesResponseMetadata,
} from './anthropic-messages-response-metadata.js';
export { decodeAnthropicStopReason, encodeAnthropicStopReason } from './map-anthropic-stop-reason.js';
export { decodeAnthropicUsage, encodeAnthropicUsage } from './map-anthropic-messages-usage.js';
export {
  anthropicErrorTypeForKind,
  decodeAnthropicError,
  errorKindForAnthropicType,
  statusForAnthropicErrorType,
} from './map-anthropic-error-type.js';
export { encodeAnthropicMessagesError, encodeAnthropicMessagesErrorObject } from './encode-anthropic-messages-error.js';
export { defaultMaxTokensForModel, acceptsOnlyTemperatureOrTopP, fallbackMaxOutputTokens } from './anthropic-model-rules.js';
export { toAnthropicStrictSchema, type StrictSchemaResult } from './to-anthropic-strict-schema.js';
export { toAnthropicInvalidRequest, formatAnthropicPath } from './to-anthropic-invalid-request.js';
export {
  createAnthropicMessagesStreamDecoder,
  createAnthropicMessagesStreamDecoderState,
  decodeAnthropicMessagesStreamEvent,
  endAnthropicMessagesStreamDecoder,
  type AnthropicMessagesStreamDecoderState,
} from './anthropic-messages-stream-decoder.js';
export {
  createAnthropicMessagesStreamEncoder,
  createAnthropicMessagesStreamEncoderState,
  encodeAnthropicMessagesStreamEvent,
  endAnthropicMessagesStreamEncoder,
  type AnthropicMessagesStreamEncoderState,
} from './anthropic-messages-stream-encoder.js';
