import type { GatewayErrorBody } from '@switchyard/core';
import type { EncodedError } from '../chat-format-codec.js';
import { encodeOpenAIChatError } from '../openai-chat/encode-openai-chat-error.js';

/**
 * Responses errors use the same body as Chat Completions — `{ error: { message, type, param,
 * code } }` with the same types and codes — so the Chat encoder is the Responses encoder.
 * https://platform.openai.com/docs/guides/error-codes
 */
export function encodeOpenAIResponsesError(error: GatewayErrorBody): EncodedError {
  return encodeOpenAIChatError(error);
}
