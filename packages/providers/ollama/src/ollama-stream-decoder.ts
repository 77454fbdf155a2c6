import type { GatewayErrorBody, StreamEvent } from '@switchyard/core';
import { decodeOllamaToolCall, ollamaMetadataKey, ollamaResponseMetadata } from './decode-ollama-response.js';
import { ollamaChatResponseSchema, ollamaErrorSchema } from './ollama-api.js';
import { ollamaCreated, ollamaResponseId } from './ollama-ids.js';
import { mapOllamaFinishReason } from './map-ollama-finish-reason.js';
import { mapOllamaUsage } from './map-ollama-usage.js';

/** Where one streamed `/api/chat` answer stands. */
export interface OllamaStreamDecoderState {
  /** The model asked for, used when the chunks name none. */
  model: string;
  started: boolean;
  /** The first chunk's created_at: the base of the answer's id and of tool-call ids. */
  createdAt: string;
  responseModel?: string;
  /** Tool calls seen so far: the canonical index of the next one. */
  toolCalls: number;
  /** `done: true` arrived. */
  finished: boolean;
  /** Finished or failed: nothing more is decoded. */
  closed: boolean;
}

export function createOllamaStreamDecoderState(model: string): OllamaStreamDecoderState {
  return { model, started: false, createdAt: '', toolCalls: 0, finished: false, closed: false };
}

/**
 * One NDJSON value of an `/api/chat` stream (+ state) → canonical events.
 * - the first chunk opens the answer (`start`; Ollama has no id, see ollama-ids.ts);
 * - `message.thinking` → reasoning-delta, `message.content` → text-delta;
 * - tool calls arrive whole, with object arguments: tool-call-start, one tool-call-delta with
 *   the arguments as JSON text, tool-call-end, indexed in order of arrival;
 * - `done: true` (which may carry a last piece of content) → finish with the reason and usage;
 * - a `{"error": "…"}` line is Ollama's mid-stream error → an error event, and the end.
 */
export function decodeOllamaStreamChunk(state: OllamaStreamDecoderState, value: unknown): StreamEvent[] {
  if (state.closed) return [];
  const error = ollamaErrorSchema.safeParse(value);
  if (error.success) return fail(state, { kind: 'upstream', status: 502, message: error.data.error, provider: 'ollama' });
  const parsed = ollamaChatResponseSchema.safeParse(value);
  if (!parsed.success) return fail(state, { kind: 'upstream', status: 502, message: 'Ollama sent a stream line that is not a chat chunk.', provider: 'ollama' });
  const chunk = parsed.data;

  const events: StreamEvent[] = [];
  if (!state.started) {
    state.started = true;
    state.createdAt = chunk.created_at ?? '';
    state.responseModel = chunk.model ?? state.model;
    const created = ollamaCreated(chunk.created_at);
    events.push({ type: 'start', id: ollamaResponseId(state.createdAt, state.responseModel), model: state.responseModel, ...(created !== undefined && { created }) });
  }
  const message = chunk.message;
  if (message?.thinking) events.push({ type: 'reasoning-delta', delta: message.thinking });
  if (message?.content) events.push({ type: 'text-delta', delta: message.content });
  for (const call of message?.tool_calls ?? []) {
    const index = state.toolCalls++;
    const part = decodeOllamaToolCall(call, state.createdAt, state.responseModel ?? state.model, index);
    events.push(
      { type: 'tool-call-start', index, id: part.id, name: part.name },
      { type: 'tool-call-delta', index, argumentsDelta: part.arguments },
      { type: 'tool-call-end', index },
    );
  }
  if (chunk.done === true) {
    state.finished = true;
    state.closed = true;
    const metadata = ollamaResponseMetadata(chunk);
    events.push({
      type: 'finish',
      finishReason: mapOllamaFinishReason(chunk.done_reason, state.toolCalls > 0),
      usage: mapOllamaUsage(chunk),
      ...(metadata && { providerMetadata: { [ollamaMetadataKey]: metadata } }),
    });
  }
  return events;
}

/** The body ended: fine after `done: true`, a cut stream otherwise. */
export function endOllamaStreamDecoder(state: OllamaStreamDecoderState): StreamEvent[] {
  if (state.closed) return [];
  return fail(state, { kind: 'upstream', status: 502, message: 'The Ollama stream ended before the answer was complete (no "done": true).', provider: 'ollama' });
}

function fail(state: OllamaStreamDecoderState, error: GatewayErrorBody): StreamEvent[] {
  state.closed = true;
  return [{ type: 'error', error }];
}
