import type { FinishReason, GatewayErrorBody, StreamEvent, Usage } from '@switchyard/core';
import type { ChatStreamEncoder } from '../chat-format-codec.js';
import { anthropicMessagesMetadataKey } from './anthropic-messages-response-metadata.js';
import { isClaudeReasoning } from './claude-reasoning.js';
import { encodeAnthropicMessagesErrorObject } from './encode-anthropic-messages-error.js';
import { encodeAnthropicStopReason } from './map-anthropic-stop-reason.js';
import { encodeAnthropicUsage, isAnthropicUsage } from './map-anthropic-messages-usage.js';

interface ToolBlock {
  index: number;
  open: boolean;
}

/** Where one outgoing Messages stream stands. */
export interface AnthropicMessagesStreamEncoderState {
  /** message_start went out. */
  started: boolean;
  /** An error event went out, or message_stop: nothing may follow. */
  closed: boolean;
  /** The next content block index (0, 1, 2 … in the order blocks open). */
  nextIndex: number;
  /** The text or thinking block being written, closed when another block starts. */
  current?: { kind: 'text' | 'thinking'; index: number };
  /** Canonical tool-call index → its block. */
  toolBlocks: Map<number, ToolBlock>;
  pingSent: boolean;
  finishReason?: FinishReason;
  stopSequence?: string | null;
  usage?: Usage;
}

export function createAnthropicMessagesStreamEncoderState(): AnthropicMessagesStreamEncoderState {
  return { started: false, closed: false, nextIndex: 0, toolBlocks: new Map(), pingSent: false };
}

/**
 * One canonical event → the exact SSE text Anthropic sends for it.
 * https://docs.claude.com/en/docs/build-with-claude/streaming#event-types
 *
 * message_start; then per content block content_block_start, its deltas and
 * content_block_stop, blocks numbered in the order they open (a ping follows the first block's
 * start, as the API sends it); then message_delta with the stop reason and cumulative usage,
 * and message_stop. Blocks are written one after another as the API does: a new block closes
 * the one before. Canonical reasoning becomes a thinking block whose signature_delta closes it;
 * redacted reasoning a redacted_thinking block. message_delta waits for the end of the canonical
 * stream, because some providers report usage after the finish.
 */
export function encodeAnthropicMessagesStreamEvent(state: AnthropicMessagesStreamEncoderState, event: StreamEvent): string {
  if (state.closed) return '';
  switch (event.type) {
    case 'start':
      return start(state, event.id, event.model, startUsage(event.providerMetadata));
    case 'text-delta':
    case 'refusal-delta':
      if (event.delta === '') return ensureStarted(state);
      return openCurrent(state, 'text') + frame('content_block_delta', { type: 'content_block_delta', index: state.current!.index, delta: { type: 'text_delta', text: event.delta } });
    case 'reasoning-delta':
      return encodeReasoning(state, event);
    case 'tool-call-start': {
      // One block at a time, as the API streams: the previous call is complete.
      let text = ensureStarted(state) + closeAll(state);
      const block: ToolBlock = { index: state.nextIndex++, open: true };
      state.toolBlocks.set(event.index, block);
      text += frame('content_block_start', {
        type: 'content_block_start',
        index: block.index,
        content_block: { type: 'tool_use', id: event.id, name: event.name, input: {} },
      });
      return text + firstPing(state);
    }
    case 'tool-call-delta': {
      const block = state.toolBlocks.get(event.index);
      if (!block || event.argumentsDelta === '') return '';
      // A delta for a call already closed (a source that interleaves calls) still goes to its
      // index: the SDKs append by index, so the call's input stays whole.
      return frame('content_block_delta', {
        type: 'content_block_delta',
        index: block.index,
        delta: { type: 'input_json_delta', partial_json: event.argumentsDelta },
      });
    }
    case 'tool-call-end': {
      const block = state.toolBlocks.get(event.index);
      return block ? closeTool(block) : '';
    }
    case 'finish': {
      if (state.finishReason) return '';
      state.finishReason = event.finishReason;
      if (event.usage) state.usage = event.usage;
      const metadata = event.providerMetadata?.[anthropicMessagesMetadataKey] as { stopSequence?: unknown } | undefined;
      if (typeof metadata?.stopSequence === 'string') state.stopSequence = metadata.stopSequence;
      return ensureStarted(state) + closeAll(state);
    }
    case 'usage':
      state.usage = event.usage;
      return '';
    case 'error':
      // The SDKs raise on an `error` event; nothing may follow it.
      state.closed = true;
      return errorFrame(event.error);
  }
}

/** The canonical stream ended: message_delta (stop reason, usage) and message_stop — or an error if it never finished. */
export function endAnthropicMessagesStreamEncoder(state: AnthropicMessagesStreamEncoderState): string {
  if (state.closed) return '';
  state.closed = true;
  if (!state.finishReason) {
    return errorFrame({ kind: 'upstream', status: 502, message: 'The stream ended before the provider finished.' });
  }
  const text = ensureStarted(state) + closeAll(state);
  return (
    text +
    frame('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: encodeAnthropicStopReason(state.finishReason), stop_sequence: state.stopSequence ?? null },
      // The SDKs read output_tokens here; a provider that reported no usage leaves 0.
      usage: state.usage ? encodeAnthropicUsage(state.usage) : { output_tokens: 0 },
    }) +
    frame('message_stop', { type: 'message_stop' })
  );
}

export function createAnthropicMessagesStreamEncoder(): ChatStreamEncoder {
  const state = createAnthropicMessagesStreamEncoderState();
  return {
    encode: (event) => encodeAnthropicMessagesStreamEvent(state, event),
    end: () => endAnthropicMessagesStreamEncoder(state),
  };
}

function start(state: AnthropicMessagesStreamEncoderState, id: string, model: string, usage: Record<string, unknown> | undefined): string {
  if (state.started) return '';
  state.started = true;
  return frame('message_start', {
    type: 'message_start',
    message: {
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      // Anthropic knows the input count up front; other providers report it at the end, so until
      // then it reads 0 and message_delta carries the real counts (the SDKs take them from there).
      usage: usage ?? { input_tokens: 0, cache_creation_input_tokens: null, cache_read_input_tokens: null, output_tokens: 0 },
    },
  });
}

/** A stream that skipped `start` still needs message_start (no id to keep: ''). */
function ensureStarted(state: AnthropicMessagesStreamEncoderState): string {
  return state.started ? '' : start(state, '', '', undefined);
}

function encodeReasoning(state: AnthropicMessagesStreamEncoderState, event: Extract<StreamEvent, { type: 'reasoning-delta' }>): string {
  const ours = isClaudeReasoning(event.provider);
  let text = ensureStarted(state);
  if (event.redactedData !== undefined && ours) {
    text += closeCurrent(state) + closeTools(state);
    const index = state.nextIndex++;
    text += frame('content_block_start', { type: 'content_block_start', index, content_block: { type: 'redacted_thinking', data: event.redactedData } });
    text += firstPing(state) + frame('content_block_stop', { type: 'content_block_stop', index });
  }
  if (event.delta !== '') {
    text += openCurrent(state, 'thinking');
    text += frame('content_block_delta', { type: 'content_block_delta', index: state.current!.index, delta: { type: 'thinking_delta', thinking: event.delta } });
  }
  // The signature completes the block. Another provider's signature would not verify at Anthropic.
  if (event.signature !== undefined && event.signature !== '' && ours) {
    text += openCurrent(state, 'thinking');
    text += frame('content_block_delta', { type: 'content_block_delta', index: state.current!.index, delta: { type: 'signature_delta', signature: event.signature } });
    text += closeCurrent(state);
  }
  return text;
}

function openCurrent(state: AnthropicMessagesStreamEncoderState, kind: 'text' | 'thinking'): string {
  let text = ensureStarted(state);
  if (state.current?.kind === kind) return text;
  text += closeCurrent(state) + closeTools(state);
  const index = state.nextIndex++;
  state.current = { kind, index };
  const block = kind === 'text' ? { type: 'text', text: '' } : { type: 'thinking', thinking: '', signature: '' };
  return text + frame('content_block_start', { type: 'content_block_start', index, content_block: block }) + firstPing(state);
}

function closeCurrent(state: AnthropicMessagesStreamEncoderState): string {
  if (!state.current) return '';
  const { index } = state.current;
  state.current = undefined;
  return frame('content_block_stop', { type: 'content_block_stop', index });
}

function closeTool(block: ToolBlock): string {
  if (!block.open) return '';
  block.open = false;
  return frame('content_block_stop', { type: 'content_block_stop', index: block.index });
}

function closeTools(state: AnthropicMessagesStreamEncoderState): string {
  let text = '';
  for (const block of state.toolBlocks.values()) text += closeTool(block);
  return text;
}

function closeAll(state: AnthropicMessagesStreamEncoderState): string {
  return closeCurrent(state) + closeTools(state);
}

// The API sends one ping right after the first block starts; clients expect and skip it.
function firstPing(state: AnthropicMessagesStreamEncoderState): string {
  if (state.pingSent) return '';
  state.pingSent = true;
  return 'event: ping\ndata: {"type": "ping"}\n\n';
}

function startUsage(providerMetadata: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const metadata = providerMetadata?.[anthropicMessagesMetadataKey] as { usage?: unknown } | undefined;
  return isAnthropicUsage(metadata?.usage) ? metadata.usage : undefined;
}

function errorFrame(error: GatewayErrorBody): string {
  return frame('error', { type: 'error', error: encodeAnthropicMessagesErrorObject(error) });
}

function frame(name: string, data: Record<string, unknown>): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}
