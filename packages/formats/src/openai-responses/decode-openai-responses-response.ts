import { GatewayError, type AssistantContentPart, type ChatResponse, type GatewayErrorBody } from '@switchyard/core';
import { decodeOpenAIChatError } from '../openai-chat/decode-openai-chat-error.js';
import { decodeOpenAIResponsesReasoning } from './map-openai-responses-reasoning.js';
import { decodeOpenAIResponsesFinishReason } from './map-openai-responses-status.js';
import { decodeOpenAIResponsesUsage } from './map-openai-responses-usage.js';
import {
  openAIResponsesMappedResponseFields,
  openAIResponsesOutputFunctionCallSchema,
  openAIResponsesOutputMessageSchema,
  openAIResponsesOutputReasoningSchema,
  openAIResponsesResponseSchema,
  type OpenAIResponsesOutputItemShape,
} from './openai-responses-api.js';
import {
  openAIResponsesMetadataKey,
  type OpenAIResponsesOutputSkeleton,
  type OpenAIResponsesResponseMetadata,
} from './openai-responses-response-metadata.js';

type Json = Record<string, unknown>;

/**
 * A Responses answer → the canonical response. Output items become content parts in order:
 * a message's output_text / refusal parts, a function_call's tool call, a reasoning item's
 * reasoning part. What has no canonical home — the request echo, billing, content filters,
 * item ids, statuses, annotations, whole hosted-tool items — is kept under
 * `providerMetadata['openai-responses']`, from which the encoder restores the answer for a
 * Responses client exactly. A failed response is an error, not an answer.
 */
export function decodeOpenAIResponsesResponse(body: unknown): ChatResponse {
  // An error body (some compatible servers answer 200 with one).
  if (isObject(body) && isObject(body.error) && body.object !== 'response') throw toGatewayError(decodeOpenAIChatError(body.error));
  const parsed = openAIResponsesResponseSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GatewayError(
      'upstream',
      `The upstream answer is not a Responses object (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}).`,
    );
  }
  const response = parsed.data;
  if (response.status === 'failed') throw toGatewayError(decodeOpenAIResponsesFailure(response.error));

  const content: AssistantContentPart[] = [];
  const output: OpenAIResponsesOutputSkeleton[] = [];
  let calledFunctions = false;
  for (const item of response.output) {
    const parts = decodeOutputItem(item);
    if (parts.calledFunction) calledFunctions = true;
    content.push(...parts.content);
    output.push({ parts: parts.content.length, item: parts.skeleton });
  }

  const decoded: ChatResponse = {
    id: response.id,
    model: response.model ?? '',
    content,
    finishReason: decodeOpenAIResponsesFinishReason(response.status, response.incomplete_details?.reason, calledFunctions),
  };
  if (response.created_at != null) decoded.created = response.created_at;
  if (response.usage != null) decoded.usage = decodeOpenAIResponsesUsage(response.usage);
  if (response.service_tier !== undefined) decoded.serviceTier = response.service_tier;

  const metadata: OpenAIResponsesResponseMetadata = { output };
  const extras = Object.fromEntries(Object.entries(response).filter(([key]) => !openAIResponsesMappedResponseFields.has(key)));
  if (Object.keys(extras).length > 0) metadata.response = extras;
  decoded.providerMetadata = { [openAIResponsesMetadataKey]: metadata };
  return decoded;
}

/**
 * A failed response's `{ code, message }` (or an error event's) → canonical error facts.
 * The code doubles as the type, so `server_error` and `rate_limit_exceeded` get their kinds.
 */
export function decodeOpenAIResponsesFailure(error: unknown): GatewayErrorBody {
  if (!isObject(error)) return { kind: 'upstream', status: 502, message: 'The upstream response failed without saying why.' };
  const fields = error.type === undefined && typeof error.code === 'string' ? { ...error, type: error.code } : error;
  return decodeOpenAIChatError(fields);
}

interface DecodedItem {
  content: AssistantContentPart[];
  /** The item minus what `content` holds. */
  skeleton: Json;
  calledFunction: boolean;
}

function decodeOutputItem(item: OpenAIResponsesOutputItemShape): DecodedItem {
  switch (item.type) {
    case 'message': {
      const message = openAIResponsesOutputMessageSchema.safeParse(item);
      if (!message.success) break;
      const content: AssistantContentPart[] = [];
      const skeletonContent = message.data.content.map((part) => {
        if (part.type === 'output_text' && typeof part.text === 'string') {
          content.push({ type: 'text', text: part.text });
          const { text: _text, ...rest } = part;
          return rest;
        }
        if (part.type === 'refusal' && typeof part.refusal === 'string') {
          content.push({ type: 'refusal', text: part.refusal });
          const { refusal: _refusal, ...rest } = part;
          return rest;
        }
        // A part type added later: kept whole, it becomes no canonical part.
        return part;
      });
      return { content, skeleton: { ...item, content: skeletonContent }, calledFunction: false };
    }
    case 'function_call': {
      const call = openAIResponsesOutputFunctionCallSchema.safeParse(item);
      if (!call.success) break;
      const { call_id: id, name, arguments: args, ...rest } = call.data;
      return { content: [{ type: 'tool-call', id, name, arguments: args }], skeleton: rest, calledFunction: true };
    }
    case 'reasoning': {
      const reasoning = openAIResponsesOutputReasoningSchema.safeParse(item);
      if (!reasoning.success) break;
      const { encrypted_content: _encrypted, ...rest } = reasoning.data;
      // The summary stays in the skeleton so its split into parts can be restored (see the encoder).
      return { content: [decodeOpenAIResponsesReasoning(reasoning.data).part], skeleton: rest, calledFunction: false };
    }
    default:
      break;
  }
  // Hosted-tool items (web_search_call, mcp_call …) and malformed items: kept whole.
  return { content: [], skeleton: item, calledFunction: false };
}

function toGatewayError(error: GatewayErrorBody): GatewayError {
  return new GatewayError(error.kind, error.message, { status: error.status, param: error.param, code: error.code });
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
