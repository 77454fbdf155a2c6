import type { SseEvent, StreamEvent } from '@switchyard/core';
import type { ChatStreamDecoder } from '../chat-format-codec.js';
import {
  anthropicContentBlockDeltaSchema,
  anthropicStreamEventSchema,
  anthropicStreamEventTypes,
  type AnthropicStreamEvent,
  type AnthropicUsage,
} from './anthropic-messages-api.js';
import { anthropicMessagesMetadataKey } from './anthropic-messages-response-metadata.js';
import { decodeAnthropicError } from './map-anthropic-error-type.js';
import { decodeAnthropicStopReason } from './map-anthropic-stop-reason.js';
import { decodeAnthropicUsage } from './map-anthropic-messages-usage.js';

interface BlockState {
  kind: 'text' | 'tool' | 'thinking' | 'other';
  /** The canonical tool-call index: tool_use blocks counted alone, 0, 1, 2 … */
  toolIndex?: number;
  /** The input given in content_block_start, sent when no input_json_delta follows. */
  input?: unknown;
  argumentsSent?: boolean;
  open: boolean;
}

/** Where one Messages stream stands. */
export interface AnthropicMessagesStreamDecoderState {
  started: boolean;
  /** message_stop, an error, or a stream we gave up on: nothing more is decoded. */
  closed: boolean;
  /** By Anthropic's block index. */
  blocks: Map<number, BlockState>;
  toolCalls: number;
  /** message_start's usage with each message_delta's (cumulative) counts laid over it. */
  usage?: AnthropicUsage;
  stopReason?: string | null;
  stopSequence?: string | null;
}

export function createAnthropicMessagesStreamDecoderState(): AnthropicMessagesStreamDecoderState {
  return { started: false, closed: false, blocks: new Map(), toolCalls: 0 };
}

/**
 * One SSE event of a Messages stream (+ state) → canonical events.
 * https://docs.claude.com/en/docs/build-with-claude/streaming
 *
 * message_start opens the stream; each content block (by `index`) is text, tool_use (its JSON
 * input streamed as input_json_delta), thinking (thinking_delta, then one signature_delta) or
 * redacted_thinking (whole at content_block_start). message_delta carries the stop reason and
 * cumulative usage; the finish goes out at message_stop, the terminal event. `ping` is skipped;
 * an `error` event ends the stream with a canonical error.
 */
export function decodeAnthropicMessagesStreamEvent(state: AnthropicMessagesStreamDecoderState, event: SseEvent): StreamEvent[] {
  if (state.closed) return [];
  const data = event.data.trim();
  if (data === '') return []; // comments and keep-alives

  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return fail(state, 'The upstream stream sent an event that is not JSON.');
  }
  const type = isObject(json) && typeof json.type === 'string' ? json.type : event.event;
  // An event type added by a newer API version carries nothing this codec could map.
  if (type === undefined || !anthropicStreamEventTypes.has(type)) return [];
  const parsed = anthropicStreamEventSchema.safeParse(isObject(json) && json.type === undefined ? { ...json, type } : json);
  if (!parsed.success) return fail(state, `The upstream stream sent a malformed ${type} event.`);
  return decodeEvent(state, parsed.data);
}

/** The upstream body ended: fine after message_stop or an error, a cut stream otherwise. */
export function endAnthropicMessagesStreamDecoder(state: AnthropicMessagesStreamDecoderState): StreamEvent[] {
  if (state.closed) return [];
  return fail(state, 'The upstream stream ended before the provider finished (no message_stop).');
}

export function createAnthropicMessagesStreamDecoder(): ChatStreamDecoder {
  const state = createAnthropicMessagesStreamDecoderState();
  return {
    decode: (event) => decodeAnthropicMessagesStreamEvent(state, event),
    end: () => endAnthropicMessagesStreamDecoder(state),
  };
}

function decodeEvent(state: AnthropicMessagesStreamDecoderState, event: AnthropicStreamEvent): StreamEvent[] {
  switch (event.type) {
    case 'message_start': {
      if (state.started) return [];
      state.started = true;
      if (event.message.usage != null) state.usage = event.message.usage;
      return [
        {
          type: 'start',
          id: event.message.id,
          model: event.message.model,
          // The input counts are known here; a Messages encoder repeats them in its message_start.
          ...(event.message.usage != null && { providerMetadata: { [anthropicMessagesMetadataKey]: { usage: event.message.usage } } }),
        },
      ];
    }
    case 'content_block_start':
      return [...ensureStarted(state), ...startBlock(state, event.index, event.content_block)];
    case 'content_block_delta':
      return [...ensureStarted(state), ...decodeDelta(state, event.index, event.delta)];
    case 'content_block_stop':
      return stopBlock(state, event.index);
    case 'message_delta':
      state.stopReason = event.delta.stop_reason ?? state.stopReason;
      if (event.delta.stop_sequence !== undefined) state.stopSequence = event.delta.stop_sequence;
      if (event.usage != null) state.usage = mergeUsage(state.usage, event.usage);
      return [];
    case 'message_stop': {
      const events = ensureStarted(state);
      for (const index of [...state.blocks.keys()].sort((a, b) => a - b)) events.push(...stopBlock(state, index));
      state.closed = true;
      events.push({
        type: 'finish',
        finishReason: decodeAnthropicStopReason(state.stopReason),
        ...(state.usage !== undefined && { usage: decodeAnthropicUsage(state.usage) }),
        ...(state.stopSequence != null && { providerMetadata: { [anthropicMessagesMetadataKey]: { stopSequence: state.stopSequence } } }),
      });
      return events;
    }
    case 'ping':
      return [];
    case 'error':
      state.closed = true;
      return [{ type: 'error', error: decodeAnthropicError(event.error) }];
  }
}

function startBlock(state: AnthropicMessagesStreamDecoderState, index: number, block: { type: string } & Record<string, unknown>): StreamEvent[] {
  switch (block.type) {
    case 'text': {
      state.blocks.set(index, { kind: 'text', open: true });
      const text = typeof block.text === 'string' ? block.text : '';
      return text === '' ? [] : [{ type: 'text-delta', delta: text }];
    }
    case 'tool_use': {
      const toolIndex = state.toolCalls++;
      state.blocks.set(index, { kind: 'tool', toolIndex, input: block.input, open: true });
      return [{ type: 'tool-call-start', index: toolIndex, id: String(block.id ?? ''), name: String(block.name ?? '') }];
    }
    case 'thinking': {
      state.blocks.set(index, { kind: 'thinking', open: true });
      const events: StreamEvent[] = [];
      if (typeof block.thinking === 'string' && block.thinking !== '') {
        events.push({ type: 'reasoning-delta', delta: block.thinking, provider: 'anthropic' });
      }
      if (typeof block.signature === 'string' && block.signature !== '') {
        events.push({ type: 'reasoning-delta', delta: '', signature: block.signature, provider: 'anthropic' });
      }
      return events;
    }
    case 'redacted_thinking':
      state.blocks.set(index, { kind: 'thinking', open: true });
      return typeof block.data === 'string' ? [{ type: 'reasoning-delta', delta: '', redactedData: block.data, provider: 'anthropic' }] : [];
    default:
      // Server tool use and its results run at Anthropic; the canonical stream has no place for them.
      state.blocks.set(index, { kind: 'other', open: true });
      return [];
  }
}

function decodeDelta(state: AnthropicMessagesStreamDecoderState, index: number, rawDelta: { type: string }): StreamEvent[] {
  const parsed = anthropicContentBlockDeltaSchema.safeParse(rawDelta);
  if (!parsed.success) return []; // a delta type added later
  const delta = parsed.data;
  const block = state.blocks.get(index);
  switch (delta.type) {
    case 'text_delta':
      return delta.text === '' ? [] : [{ type: 'text-delta', delta: delta.text }];
    case 'input_json_delta':
      if (block?.kind !== 'tool' || delta.partial_json === '') return [];
      block.argumentsSent = true;
      return [{ type: 'tool-call-delta', index: block.toolIndex!, argumentsDelta: delta.partial_json }];
    case 'thinking_delta':
      return delta.thinking === '' ? [] : [{ type: 'reasoning-delta', delta: delta.thinking, provider: 'anthropic' }];
    case 'signature_delta':
      return [{ type: 'reasoning-delta', delta: '', signature: delta.signature, provider: 'anthropic' }];
    case 'citations_delta':
      return [];
  }
}

function stopBlock(state: AnthropicMessagesStreamDecoderState, index: number): StreamEvent[] {
  const block = state.blocks.get(index);
  if (!block || !block.open) return [];
  block.open = false;
  if (block.kind !== 'tool') return [];
  const events: StreamEvent[] = [];
  // A call without arguments streams one empty input_json_delta (or none): its input is `{}`.
  if (!block.argumentsSent) {
    const input = isObject(block.input) ? block.input : {};
    events.push({ type: 'tool-call-delta', index: block.toolIndex!, argumentsDelta: JSON.stringify(input) });
  }
  events.push({ type: 'tool-call-end', index: block.toolIndex! });
  return events;
}

/** A stream that skipped message_start still opens with `start` (no id to keep: ''). */
function ensureStarted(state: AnthropicMessagesStreamDecoderState): StreamEvent[] {
  if (state.started) return [];
  state.started = true;
  return [{ type: 'start', id: '', model: '' }];
}

function mergeUsage(base: AnthropicUsage | undefined, update: AnthropicUsage): AnthropicUsage {
  const merged: AnthropicUsage = { ...base };
  for (const [key, value] of Object.entries(update)) {
    if (value != null) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

function fail(state: AnthropicMessagesStreamDecoderState, message: string): StreamEvent[] {
  state.closed = true;
  return [{ type: 'error', error: { kind: 'upstream', status: 502, message } }];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
