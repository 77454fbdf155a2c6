import type { ChatFormatCodec } from '../chat-format-codec.js';
import { decodeOpenAIResponsesRequest } from './decode-openai-responses-request.js';
import { decodeOpenAIResponsesResponse } from './decode-openai-responses-response.js';
import { encodeOpenAIResponsesError } from './encode-openai-responses-error.js';
import { encodeOpenAIResponsesRequest } from './encode-openai-responses-request.js';
import { encodeOpenAIResponsesResponse } from './encode-openai-responses-response.js';
import { createOpenAIResponsesStreamDecoder } from './openai-responses-stream-decoder.js';
import { createOpenAIResponsesStreamEncoder } from './openai-responses-stream-encoder.js';

/** OpenAI Responses, all four directions. */
export const openAIResponsesCodec: ChatFormatCodec = {
  format: 'openai-responses',
  decodeRequest: decodeOpenAIResponsesRequest,
  encodeRequest: encodeOpenAIResponsesRequest,
  decodeResponse: decodeOpenAIResponsesResponse,
  encodeResponse: (response, options) => encodeOpenAIResponsesResponse(response, { request: options?.request }),
  createStreamDecoder: createOpenAIResponsesStreamDecoder,
  createStreamEncoder: createOpenAIResponsesStreamEncoder,
  encodeError: encodeOpenAIResponsesError,
};

export * from './openai-responses-api.js';
export { decodeOpenAIResponsesRequest, openAIResponsesProviderOptionsKey } from './decode-openai-responses-request.js';
export {
  encodeOpenAIResponsesRequest,
  encodeOpenAIResponsesTextFormat,
  encodeOpenAIResponsesTool,
  encodeOpenAIResponsesToolChoice,
  encryptedReasoningInclude,
} from './encode-openai-responses-request.js';
export { decodeOpenAIResponsesResponse, decodeOpenAIResponsesFailure } from './decode-openai-responses-response.js';
export {
  encodeOpenAIResponsesResponse,
  buildOpenAIResponsesOutput,
  type EncodeOpenAIResponsesResponseOptions,
} from './encode-openai-responses-response.js';
export { encodeOpenAIResponsesError } from './encode-openai-responses-error.js';
export {
  openAIResponsesMetadataKey,
  readOpenAIResponsesResponseMetadata,
  type OpenAIResponsesOutputSkeleton,
  type OpenAIResponsesResponseMetadata,
} from './openai-responses-response-metadata.js';
export { openAIResponsesRequestEcho } from './openai-responses-request-echo.js';
export { buildOpenAIResponsesObject, type OpenAIResponsesObjectFields } from './build-openai-responses-object.js';
export { decodeOpenAIResponsesFinishReason, encodeOpenAIResponsesStatus } from './map-openai-responses-status.js';
export { decodeOpenAIResponsesUsage, encodeOpenAIResponsesUsage } from './map-openai-responses-usage.js';
export { decodeOpenAIResponsesReasoning, encryptedContentFor, openAIReasoningProvider } from './map-openai-responses-reasoning.js';
export {
  decodeReasoningEnvelope,
  encodeReasoningEnvelope,
  isReasoningEnvelope,
  reasoningEnvelopePrefix,
  type ReasoningEnvelope,
} from './openai-responses-reasoning-envelope.js';
export { deriveOpenAIResponsesItemId, toOpenAIResponsesId } from './openai-responses-ids.js';
export { toOpenAIResponsesInvalidRequest } from './to-openai-responses-invalid-request.js';
export {
  createOpenAIResponsesStreamDecoder,
  createOpenAIResponsesStreamDecoderState,
  decodeOpenAIResponsesStreamEvent,
  endOpenAIResponsesStreamDecoder,
  type OpenAIResponsesStreamDecoderState,
} from './openai-responses-stream-decoder.js';
export {
  createOpenAIResponsesStreamEncoder,
  createOpenAIResponsesStreamEncoderState,
  encodeOpenAIResponsesStreamEvent,
  endOpenAIResponsesStreamEncoder,
  type OpenAIResponsesStreamEncoderOptions,
  type OpenAIResponsesStreamEncoderState,
} from './openai-responses-stream-encoder.js';
