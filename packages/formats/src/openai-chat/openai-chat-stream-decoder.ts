import type { SseEvent, StreamEvent, Usage } from '@switchyard/core';
import type { z } from 'zod';
import type { ChatStreamDecoder } from '../chat-format-codec.js';
import { decodeOpenAIChatError } from './decode-openai-chat-error.js';
import { decodeOpenAIChatFinishReason } from './map-openai-chat-finish-reason.js';
import { decodeOpenAIChatUsage } from './map-openai-chat-usage.js';
import { openAIChatChunkSchema, type OpenAIChatChunk, type openAIChatToolCallDeltaSchema } from './openai-chat-api.js';

type ToolCallDelta = z.infer<typeof openAIChatToolCallDeltaSchema>;

interface ToolCallState {
  /** The upstream id, to recognise a repeated call when deltas carry no index. */
  id?: string;
  started: boolean;
  open: boolean;
}

/** Where one Chat Completions stream stands. */
export interface OpenAIChatStreamDecoderState {
  started: boolean;
  /** finish_reason seen: the answer is complete, only usage may follow. */
  finished: boolean;
  /** `[DONE]`, an error, or a stream we gave up on: nothing more is decoded. */
  closed: boolean;
  toolCalls: Map<number, ToolCallState>;
  /** The last index used, for providers whose tool-call deltas carry none. */
  lastToolCallIndex: number;
  /** Usage sent before the finish (running totals, as vLLM's continuous usage stats): held for the finish. */
  pendingUsage?: Usage;
}

export function createOpenAIChatStreamDecoderState(): OpenAIChatStreamDecoderState {
  return { started: false, finished: false, closed: false, toolCalls: new Map(), lastToolCallIndex: -1 };
}

/**
 * One SSE event of a Chat Completions stream (+ state) → canonical events.
 * https://platform.openai.com/docs/api-reference/chat-streaming
 *
 * Covers the OpenAI-compatible variants seen in recordings: usage on the finish chunk
 * (DeepSeek, Mistral) or under `x_groq`, reasoning as `reasoning_content` or `reasoning`,
 * tool calls sent whole without an `index` (Mistral), and Azure's leading chunk with an
 * empty id and no choices (prompt filter results only).
 */
export function decodeOpenAIChatStreamEvent(state: OpenAIChatStreamDecoderState, event: SseEvent): StreamEvent[] {
  if (state.closed) return [];
  const data = event.data.trim();
  if (data === '') return []; // comments and keep-alives
  if (data === '[DONE]') {
    if (!state.started) return fail(state, 'The upstream stream ended without sending any chunk.');
    state.closed = true;
    // A clean end that never said why it finished (some compatible servers): close what is open.
    return state.finished ? [] : [...endToolCalls(state), finishWithoutReason(state)];
  }

  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return fail(state, 'The upstream stream sent a chunk that is not JSON.');
  }
  if (isObject(json) && json.error != null) {
    state.closed = true;
    return [{ type: 'error', error: decodeOpenAIChatError(json.error) }];
  }
  const parsed = openAIChatChunkSchema.safeParse(json);
  if (!parsed.success) return fail(state, 'The upstream stream sent a chunk that is not a Chat Completions chunk.');
  return decodeChunk(state, parsed.data);
}

/** The upstream body ended: fine after `[DONE]` or a finish_reason, a cut stream otherwise. */
export function endOpenAIChatStreamDecoder(state: OpenAIChatStreamDecoderState): StreamEvent[] {
  if (state.closed || state.finished) {
    state.closed = true;
    return [];
  }
  return fail(state, 'The upstream stream ended before the answer was complete (no finish_reason and no [DONE]).');
}

export function createOpenAIChatStreamDecoder(): ChatStreamDecoder {
  const state = createOpenAIChatStreamDecoderState();
  return {
    decode: (event) => decodeOpenAIChatStreamEvent(state, event),
    end: () => endOpenAIChatStreamDecoder(state),
  };
}

function decodeChunk(state: OpenAIChatStreamDecoderState, chunk: OpenAIChatChunk): StreamEvent[] {
  const events: StreamEvent[] = [];
  const choices = chunk.choices ?? [];
  const usage = chunk.usage ?? chunk.x_groq?.usage;

  if (!state.started) {
    // Azure opens with a chunk of prompt-filter results: no id, no choices. Not the start.
    if (!chunk.id && choices.length === 0 && usage == null) return events;
    state.started = true;
    events.push({
      type: 'start',
      id: chunk.id ?? '',
      model: chunk.model ?? '',
      ...(chunk.created != null && { created: chunk.created }),
      ...(chunk.system_fingerprint !== undefined && { systemFingerprint: chunk.system_fingerprint }),
      ...(chunk.service_tier !== undefined && { serviceTier: chunk.service_tier }),
    });
  }

  // One choice is translated (n > 1 is passed through, never translated).
  const choice = choices.find((candidate) => (candidate.index ?? 0) === 0);
  const chunkUsage = usage != null ? decodeOpenAIChatUsage(usage) : undefined;
  if (choice?.delta) {
    const delta = choice.delta;
    const reasoning = delta.reasoning_content ?? delta.reasoning;
    if (reasoning) events.push({ type: 'reasoning-delta', delta: reasoning });
    if (delta.content) events.push({ type: 'text-delta', delta: delta.content });
    if (delta.refusal) events.push({ type: 'refusal-delta', delta: delta.refusal });
    for (const call of delta.tool_calls ?? []) events.push(...decodeToolCallDelta(state, call));
  }
  if (choice?.finish_reason != null && !state.finished) {
    state.finished = true;
    events.push(...endToolCalls(state));
    // DeepSeek, Mistral and Groq put the usage on the finish chunk itself.
    const finishUsage = chunkUsage ?? state.pendingUsage;
    state.pendingUsage = undefined;
    events.push({
      type: 'finish',
      finishReason: decodeOpenAIChatFinishReason(choice.finish_reason),
      ...(finishUsage && { usage: finishUsage }),
    });
  } else if (chunkUsage) {
    // OpenAI's include_usage chunk (`choices: []`) comes after the finish; canonical usage never precedes it.
    if (state.finished) events.push({ type: 'usage', usage: chunkUsage });
    else state.pendingUsage = chunkUsage;
  }
  return events;
}

function decodeToolCallDelta(state: OpenAIChatStreamDecoderState, call: ToolCallDelta): StreamEvent[] {
  const events: StreamEvent[] = [];
  const index = call.index ?? indexWithoutIndex(state, call);
  state.lastToolCallIndex = Math.max(state.lastToolCallIndex, index);

  let tracked = state.toolCalls.get(index);
  if (!tracked) {
    tracked = { started: false, open: true };
    state.toolCalls.set(index, tracked);
  }
  const name = call.function?.name;
  const args = call.function?.arguments;
  if (!tracked.started && (call.id != null || name != null || args)) {
    // Upstream ids are kept, never invented: a provider that sends none gets ''.
    tracked.started = true;
    if (call.id != null) tracked.id = call.id;
    events.push({ type: 'tool-call-start', index, id: call.id ?? '', name: name ?? '' });
  }
  if (args) events.push({ type: 'tool-call-delta', index, argumentsDelta: args });
  return events;
}

/**
 * Mistral sends each call whole, with no index: a new id is the next call; a delta
 * without an id (or with a known one) continues the call it belongs to.
 */
function indexWithoutIndex(state: OpenAIChatStreamDecoderState, call: ToolCallDelta): number {
  if (call.id != null) {
    for (const [index, tracked] of state.toolCalls) if (tracked.id === call.id) return index;
    return state.lastToolCallIndex + 1;
  }
  return Math.max(state.lastToolCallIndex, 0);
}

function endToolCalls(state: OpenAIChatStreamDecoderState): StreamEvent[] {
  const events: StreamEvent[] = [];
  const indexes = [...state.toolCalls.keys()].sort((a, b) => a - b);
  for (const index of indexes) {
    const call = state.toolCalls.get(index)!;
    if (!call.open || !call.started) continue;
    call.open = false;
    events.push({ type: 'tool-call-end', index });
  }
  return events;
}

function finishWithoutReason(state: OpenAIChatStreamDecoderState): StreamEvent {
  state.finished = true;
  const usage = state.pendingUsage;
  state.pendingUsage = undefined;
  return { type: 'finish', finishReason: { unified: 'other', raw: null }, ...(usage && { usage }) };
}

function fail(state: OpenAIChatStreamDecoderState, message: string): StreamEvent[] {
  state.closed = true;
  return [{ type: 'error', error: { kind: 'upstream', status: 502, message } }];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
