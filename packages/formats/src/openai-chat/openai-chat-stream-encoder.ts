import type { StreamEvent, Usage } from '@switchyard/core';
import type { ChatStreamEncoder, ChatStreamEncoderOptions } from '../chat-format-codec.js';
import { encodeOpenAIChatErrorObject } from './encode-openai-chat-error.js';
import { encodeOpenAIChatFinishReason } from './map-openai-chat-finish-reason.js';
import { encodeOpenAIChatUsage } from './map-openai-chat-usage.js';

/** Where one outgoing Chat Completions stream stands. */
export interface OpenAIChatStreamEncoderState {
  includeUsage: boolean;
  /** The fields every chunk repeats, fixed by the `start` event. */
  header?: Record<string, unknown>;
  /** Canonical tool-call index → OpenAI's, which must count 0, 1, 2 … (the SDK stores calls by it). */
  toolCallIndexes: Map<number, number>;
  finished: boolean;
  usage?: Usage;
  /** An error chunk went out, or `[DONE]`: nothing may follow. */
  closed: boolean;
}

export function createOpenAIChatStreamEncoderState(options: ChatStreamEncoderOptions = {}): OpenAIChatStreamEncoderState {
  return { includeUsage: options.includeUsage ?? false, toolCallIndexes: new Map(), finished: false, closed: false };
}

/**
 * One canonical event → the exact SSE text OpenAI sends for it.
 * https://platform.openai.com/docs/api-reference/chat-streaming/streaming
 *
 * Every chunk repeats id, object, created, model, service_tier (when known) and
 * system_fingerprint. The first chunk carries the assistant role with `content: ""` and
 * `refusal: null`, as OpenAI's does. With include_usage every chunk has `usage: null` and
 * the usage comes last in a chunk with `choices: []`, just before `[DONE]`.
 */
export function encodeOpenAIChatStreamEvent(state: OpenAIChatStreamEncoderState, event: StreamEvent): string {
  if (state.closed) return '';
  switch (event.type) {
    case 'start':
      if (state.header) return '';
      state.header = {
        id: event.id,
        object: 'chat.completion.chunk',
        // The SDK requires a number; without the provider's, the time of encoding stands in.
        created: event.created ?? Math.floor(Date.now() / 1000),
        model: event.model,
        ...(event.serviceTier !== undefined && { service_tier: event.serviceTier }),
        system_fingerprint: event.systemFingerprint ?? null,
      };
      return chunk(state, { role: 'assistant', content: '', refusal: null });
    case 'text-delta':
      return event.delta === '' ? ensureStarted(state) : ensureStarted(state) + chunk(state, { content: event.delta });
    case 'refusal-delta':
      return event.delta === '' ? ensureStarted(state) : ensureStarted(state) + chunk(state, { refusal: event.delta });
    case 'reasoning-delta':
      // DeepSeek's field (see encode-openai-chat-response.ts); signatures have no place here.
      return event.delta === '' ? ensureStarted(state) : ensureStarted(state) + chunk(state, { reasoning_content: event.delta });
    case 'tool-call-start': {
      const index = state.toolCallIndexes.size;
      state.toolCallIndexes.set(event.index, index);
      return (
        ensureStarted(state) +
        chunk(state, {
          tool_calls: [{ index, id: event.id, type: 'function', function: { name: event.name, arguments: '' } }],
        })
      );
    }
    case 'tool-call-delta': {
      const index = state.toolCallIndexes.get(event.index);
      if (index === undefined || event.argumentsDelta === '') return ensureStarted(state);
      return ensureStarted(state) + chunk(state, { tool_calls: [{ index, function: { arguments: event.argumentsDelta } }] });
    }
    case 'tool-call-end':
      return '';
    case 'finish': {
      if (state.finished) return '';
      state.finished = true;
      if (event.usage) state.usage = event.usage;
      return ensureStarted(state) + chunk(state, {}, encodeOpenAIChatFinishReason(event.finishReason));
    }
    case 'usage':
      state.usage = event.usage;
      return '';
    case 'error':
      // The SDK raises APIError on a chunk with `error`; [DONE] must not follow, or a
      // client that ignores the error would read a clean end.
      state.closed = true;
      return frame({ error: encodeOpenAIChatErrorObject(event.error) });
  }
}

/** The canonical stream ended: the usage chunk (when asked for) and `[DONE]`. */
export function endOpenAIChatStreamEncoder(state: OpenAIChatStreamEncoderState): string {
  if (state.closed) return '';
  state.closed = true;
  let text = '';
  if (state.includeUsage && state.usage && state.header) {
    text += frame({ ...state.header, choices: [], usage: encodeOpenAIChatUsage(state.usage) });
  }
  return `${text}data: [DONE]\n\n`;
}

export function createOpenAIChatStreamEncoder(options: ChatStreamEncoderOptions = {}): ChatStreamEncoder {
  const state = createOpenAIChatStreamEncoderState(options);
  return {
    encode: (event) => encodeOpenAIChatStreamEvent(state, event),
    end: () => endOpenAIChatStreamEncoder(state),
  };
}

/** A stream that skipped `start` still needs the role chunk and a header (no id to keep: ''). */
function ensureStarted(state: OpenAIChatStreamEncoderState): string {
  if (state.header) return '';
  return encodeOpenAIChatStreamEvent(state, { type: 'start', id: '', model: '' });
}

function chunk(state: OpenAIChatStreamEncoderState, delta: Record<string, unknown>, finishReason: string | null = null): string {
  return frame({
    ...state.header,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(state.includeUsage && { usage: null }),
  });
}

function frame(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}
