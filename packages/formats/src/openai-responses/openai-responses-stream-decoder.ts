import type { GatewayErrorBody, SseEvent, StreamEvent } from '@switchyard/core';
import type { ChatStreamDecoder } from '../chat-format-codec.js';
import { decodeOpenAIChatError } from '../openai-chat/decode-openai-chat-error.js';
import { decodeOpenAIResponsesFailure } from './decode-openai-responses-response.js';
import { decodeOpenAIResponsesReasoning, openAIReasoningProvider, summarySeparator } from './map-openai-responses-reasoning.js';
import { decodeOpenAIResponsesFinishReason } from './map-openai-responses-status.js';
import { decodeOpenAIResponsesUsage } from './map-openai-responses-usage.js';
import {
  openAIResponsesDecodedEventTypes,
  openAIResponsesMappedResponseFields,
  openAIResponsesOutputFunctionCallSchema,
  openAIResponsesOutputMessageSchema,
  openAIResponsesOutputReasoningSchema,
  openAIResponsesStreamEventSchema,
  type OpenAIResponsesOutputItemShape,
  type OpenAIResponsesLifecycleResponse,
  type OpenAIResponsesStreamEvent,
} from './openai-responses-api.js';
import { openAIResponsesMetadataKey } from './openai-responses-response-metadata.js';

interface ItemState {
  kind: 'message' | 'function_call' | 'reasoning' | 'other';
  /** The canonical tool-call index: function calls counted alone, 0, 1, 2 … */
  toolIndex?: number;
  /** Whether deltas carried the item's content, so the done event must not repeat it. */
  streamed: boolean;
  done: boolean;
}

/** Where one Responses stream stands. */
export interface OpenAIResponsesStreamDecoderState {
  started: boolean;
  /** A terminal event, an error, or a stream we gave up on: nothing more is decoded. */
  closed: boolean;
  /** By output_index. */
  items: Map<number, ItemState>;
  toolCalls: number;
  /** response.failed without details: Azure follows it with an `error` event that has them. */
  pendingFailure?: GatewayErrorBody;
  /** The start's response keys with no canonical home, to send only what changed with the finish. */
  startExtras?: Record<string, unknown>;
}

export function createOpenAIResponsesStreamDecoderState(): OpenAIResponsesStreamDecoderState {
  return { started: false, closed: false, items: new Map(), toolCalls: 0 };
}

/**
 * One SSE event of a Responses stream (+ state) → canonical events.
 * https://platform.openai.com/docs/api-reference/responses-streaming
 *
 * response.created opens the stream; output items are followed by output_index: text and
 * refusal deltas of messages, reasoning summary (or raw reasoning text) deltas — a blank line
 * between summary parts, as the whole answer decodes — and function calls (start at
 * output_item.added, argument deltas, end at output_item.done). A done item whose content
 * never streamed is sent whole; a reasoning item's encrypted_content goes out when the item
 * is done. response.completed / response.incomplete finish with usage; response.failed and
 * `error` end the stream with an error, and so does a body that stops before any of them.
 */
export function decodeOpenAIResponsesStreamEvent(state: OpenAIResponsesStreamDecoderState, event: SseEvent): StreamEvent[] {
  if (state.closed) return [];
  const data = event.data.trim();
  if (data === '' || data === '[DONE]') return []; // comments, keep-alives, a [DONE] some compatible servers add

  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return fail(state, 'The upstream stream sent an event that is not JSON.');
  }
  const type = isObject(json) && typeof json.type === 'string' ? json.type : event.event;
  // An event type this codec does not map (hosted tools, audio, keepalive, newer additions).
  if (type === undefined || !openAIResponsesDecodedEventTypes.has(type)) return [];
  const parsed = openAIResponsesStreamEventSchema.safeParse(isObject(json) && json.type === undefined ? { ...json, type } : json);
  if (!parsed.success) return fail(state, `The upstream stream sent a malformed ${type} event.`);
  return decodeEvent(state, parsed.data);
}

/** The upstream body ended: fine after a terminal event, a cut stream otherwise. */
export function endOpenAIResponsesStreamDecoder(state: OpenAIResponsesStreamDecoderState): StreamEvent[] {
  if (state.closed) return [];
  state.closed = true;
  if (state.pendingFailure) return [{ type: 'error', error: state.pendingFailure }];
  return [{ type: 'error', error: cutStream() }];
}

export function createOpenAIResponsesStreamDecoder(): ChatStreamDecoder {
  const state = createOpenAIResponsesStreamDecoderState();
  return {
    decode: (event) => decodeOpenAIResponsesStreamEvent(state, event),
    end: () => endOpenAIResponsesStreamDecoder(state),
  };
}

function decodeEvent(state: OpenAIResponsesStreamDecoderState, event: OpenAIResponsesStreamEvent): StreamEvent[] {
  switch (event.type) {
    case 'response.created':
    case 'response.queued':
    case 'response.in_progress':
      return start(state, event.response);
    case 'response.output_item.added':
      return [...start(state), ...addItem(state, event.output_index, event.item)];
    case 'response.output_item.done':
      return [...start(state), ...finishItem(state, event.output_index, event.item)];
    case 'response.output_text.delta':
      itemAt(state, event.output_index, 'message').streamed = true;
      return event.delta === '' ? start(state) : [...start(state), { type: 'text-delta', delta: event.delta }];
    case 'response.refusal.delta':
      itemAt(state, event.output_index, 'message').streamed = true;
      return event.delta === '' ? start(state) : [...start(state), { type: 'refusal-delta', delta: event.delta }];
    case 'response.reasoning_summary_part.added': {
      const item = itemAt(state, event.output_index, 'reasoning');
      // Parts after the first are set apart as the whole answer joins them.
      if (event.summary_index === 0 || !item.streamed) return start(state);
      return [...start(state), { type: 'reasoning-delta', delta: summarySeparator, provider: openAIReasoningProvider }];
    }
    case 'response.reasoning_summary_text.delta':
    case 'response.reasoning_text.delta':
      itemAt(state, event.output_index, 'reasoning').streamed = true;
      return event.delta === '' ? start(state) : [...start(state), { type: 'reasoning-delta', delta: event.delta, provider: openAIReasoningProvider }];
    case 'response.function_call_arguments.delta': {
      const item = state.items.get(event.output_index);
      if (item?.kind !== 'function_call' || event.delta === '') return start(state);
      item.streamed = true;
      return [...start(state), { type: 'tool-call-delta', index: item.toolIndex!, argumentsDelta: event.delta }];
    }
    case 'response.completed':
    case 'response.incomplete': {
      const events = start(state, event.response);
      const items = [...state.items].sort(([a], [b]) => a - b).map(([, item]) => item);
      for (const item of items) {
        // A call the stream never closed still ends before the finish.
        if (item.kind === 'function_call' && !item.done) {
          item.done = true;
          events.push({ type: 'tool-call-end', index: item.toolIndex! });
        }
      }
      state.closed = true;
      const response = event.response;
      const calledFunctions = state.toolCalls > 0 || (response.output ?? []).some((item) => item.type === 'function_call');
      const extras = changedExtras(state, response);
      events.push({
        type: 'finish',
        finishReason: decodeOpenAIResponsesFinishReason(response.status ?? statusOf(event.type), response.incomplete_details?.reason, calledFunctions),
        ...(response.usage != null && { usage: decodeOpenAIResponsesUsage(response.usage) }),
        ...(extras && { providerMetadata: { [openAIResponsesMetadataKey]: { response: extras } } }),
      });
      return events;
    }
    case 'response.failed': {
      const events = start(state, event.response);
      if (!isObject(event.response.error) || (event.response.error.message == null && event.response.error.code == null)) {
        // Azure ends a filtered stream with a bare response.failed, then an error event with the reason.
        state.pendingFailure = decodeOpenAIResponsesFailure(event.response.error);
        return events;
      }
      state.closed = true;
      events.push({ type: 'error', error: decodeOpenAIResponsesFailure(event.response.error) });
      return events;
    }
    case 'error': {
      state.closed = true;
      // Nested (`error: { type, code, message, param }`, as OpenAI and Azure send it) or flat (the SDK's type).
      const error = isObject(event.error) ? event.error : { message: event.message, code: event.code, param: event.param, type: event.code };
      return [{ type: 'error', error: decodeOpenAIChatError(error) }];
    }
  }
}

function start(state: OpenAIResponsesStreamDecoderState, response?: OpenAIResponsesLifecycleResponse): StreamEvent[] {
  if (state.started) return [];
  state.started = true;
  if (!response) return [{ type: 'start', id: '', model: '' }]; // a stream that skipped response.created: no id to keep
  const extras = responseExtras(response);
  state.startExtras = extras;
  return [
    {
      type: 'start',
      id: response.id ?? '',
      model: response.model ?? '',
      ...(response.created_at != null && { created: response.created_at }),
      ...(response.service_tier !== undefined && { serviceTier: response.service_tier }),
      // The request echo, so a Responses encoder can repeat it in its own lifecycle events.
      ...(extras && { providerMetadata: { [openAIResponsesMetadataKey]: { response: extras } } }),
    },
  ];
}

function addItem(state: OpenAIResponsesStreamDecoderState, outputIndex: number, item: OpenAIResponsesOutputItemShape): StreamEvent[] {
  if (state.items.has(outputIndex)) return [];
  if (item.type !== 'function_call') {
    state.items.set(outputIndex, { kind: kindOf(item.type), streamed: false, done: false });
    return [];
  }
  const toolIndex = state.toolCalls++;
  state.items.set(outputIndex, { kind: 'function_call', toolIndex, streamed: false, done: false });
  const events: StreamEvent[] = [
    { type: 'tool-call-start', index: toolIndex, id: stringField(item, 'call_id'), name: stringField(item, 'name') },
  ];
  // A server that sends the call whole at once.
  const args = stringField(item, 'arguments');
  if (args !== '') {
    state.items.get(outputIndex)!.streamed = true;
    events.push({ type: 'tool-call-delta', index: toolIndex, argumentsDelta: args });
  }
  return events;
}

function finishItem(state: OpenAIResponsesStreamDecoderState, outputIndex: number, item: OpenAIResponsesOutputItemShape): StreamEvent[] {
  const events = state.items.has(outputIndex) ? [] : addItem(state, outputIndex, item);
  const tracked = state.items.get(outputIndex)!;
  if (tracked.done) return events;
  tracked.done = true;
  switch (tracked.kind) {
    case 'function_call': {
      const call = openAIResponsesOutputFunctionCallSchema.safeParse(item);
      // No argument deltas came: the done item has them all.
      if (!tracked.streamed && call.success && call.data.arguments !== '') {
        events.push({ type: 'tool-call-delta', index: tracked.toolIndex!, argumentsDelta: call.data.arguments });
      }
      events.push({ type: 'tool-call-end', index: tracked.toolIndex! });
      return events;
    }
    case 'message': {
      const message = openAIResponsesOutputMessageSchema.safeParse(item);
      if (tracked.streamed || !message.success) return events;
      for (const part of message.data.content) {
        if (part.type === 'output_text' && typeof part.text === 'string' && part.text !== '') events.push({ type: 'text-delta', delta: part.text });
        if (part.type === 'refusal' && typeof part.refusal === 'string' && part.refusal !== '') events.push({ type: 'refusal-delta', delta: part.refusal });
      }
      return events;
    }
    case 'reasoning': {
      const reasoning = openAIResponsesOutputReasoningSchema.safeParse(item);
      if (!reasoning.success) return events;
      const { part } = decodeOpenAIResponsesReasoning(reasoning.data);
      if (!tracked.streamed && part.text !== '') events.push({ type: 'reasoning-delta', delta: part.text, ...(part.provider && { provider: part.provider }) });
      // The encrypted content (or another provider's signature, from an envelope) completes the block.
      if (part.signature !== undefined || part.redactedData !== undefined) {
        events.push({
          type: 'reasoning-delta',
          delta: '',
          ...(part.signature !== undefined && { signature: part.signature }),
          ...(part.redactedData !== undefined && { redactedData: part.redactedData }),
          ...(part.provider !== undefined && { provider: part.provider }),
        });
      }
      return events;
    }
    case 'other':
      return events;
  }
}

function itemAt(state: OpenAIResponsesStreamDecoderState, outputIndex: number, kind: ItemState['kind']): ItemState {
  let item = state.items.get(outputIndex);
  if (!item) {
    item = { kind, streamed: false, done: false };
    state.items.set(outputIndex, item);
  }
  return item;
}

function kindOf(type: string): ItemState['kind'] {
  return type === 'message' || type === 'reasoning' || type === 'function_call' ? type : 'other';
}

/** Keys of a lifecycle response with no canonical home: the request echo, billing, content filters … */
function responseExtras(response: OpenAIResponsesLifecycleResponse): Record<string, unknown> | undefined {
  const extras = Object.fromEntries(Object.entries(response).filter(([key]) => !openAIResponsesMappedResponseFields.has(key)));
  return Object.keys(extras).length > 0 ? extras : undefined;
}

/** What the final response says beyond the start (completed_at, Azure's content_filters …). */
function changedExtras(state: OpenAIResponsesStreamDecoderState, response: OpenAIResponsesLifecycleResponse): Record<string, unknown> | undefined {
  const extras = responseExtras(response);
  if (!extras) return undefined;
  const before = state.startExtras ?? {};
  const changed = Object.fromEntries(Object.entries(extras).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])));
  return Object.keys(changed).length > 0 ? changed : undefined;
}

function statusOf(type: 'response.completed' | 'response.incomplete'): string {
  return type === 'response.completed' ? 'completed' : 'incomplete';
}

function stringField(item: OpenAIResponsesOutputItemShape, key: string): string {
  const value = item[key];
  return typeof value === 'string' ? value : '';
}

function cutStream(): GatewayErrorBody {
  return { kind: 'upstream', status: 502, message: 'The upstream stream ended before the response was complete (no response.completed).' };
}

function fail(state: OpenAIResponsesStreamDecoderState, message: string): StreamEvent[] {
  state.closed = true;
  return [{ type: 'error', error: { kind: 'upstream', status: 502, message } }];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
