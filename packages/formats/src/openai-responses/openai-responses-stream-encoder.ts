import type { ChatRequest, FinishReason, GatewayErrorBody, StreamEvent, Usage } from '@switchyard/core';
import type { ChatStreamEncoder, ChatStreamEncoderOptions } from '../chat-format-codec.js';
import { encodeOpenAIChatErrorObject } from '../openai-chat/encode-openai-chat-error.js';
import { buildOpenAIResponsesObject } from './build-openai-responses-object.js';
import { finishErrorFor } from './encode-openai-responses-response.js';
import { encodeOpenAIResponsesStatus } from './map-openai-responses-status.js';
import { encodeOpenAIResponsesUsage } from './map-openai-responses-usage.js';
import { deriveOpenAIResponsesItemId, toOpenAIResponsesId } from './openai-responses-ids.js';
import { functionCallItem, messageItem, outputContentPart, outputTextPart, reasoningItem } from './openai-responses-output-items.js';
import { openAIResponsesRequestEcho } from './openai-responses-request-echo.js';
import { openAIResponsesMetadataKey } from './openai-responses-response-metadata.js';

type Json = Record<string, unknown>;

export interface OpenAIResponsesStreamEncoderOptions extends ChatStreamEncoderOptions {
  /** The canonical request, so the lifecycle events repeat its parameters as OpenAI's do. */
  request?: ChatRequest;
}

interface SlotBase {
  /** Nothing more will be added: once at the head of the queue, its closing events go out. */
  complete: boolean;
  /** Cut short by the finish (max_output_tokens, content filter): the item ends 'incomplete'. */
  truncated: boolean;
  /** Set when output_item.added went out. */
  outputIndex?: number;
  id?: string;
}

interface MessagePart {
  type: 'output_text' | 'refusal';
  text: string;
  /** How much of `text` went out in deltas. */
  sent: number;
  added: boolean;
  done: boolean;
}

interface MessageSlot extends SlotBase {
  kind: 'message';
  parts: MessagePart[];
}

interface ReasoningSlot extends SlotBase {
  kind: 'reasoning';
  text: string;
  sent: number;
  summaryAdded: boolean;
  signature?: string;
  redactedData?: string;
  provider?: string;
}

interface FunctionCallSlot extends SlotBase {
  kind: 'function_call';
  callId: string;
  name: string;
  arguments: string;
  sent: number;
}

type Slot = MessageSlot | ReasoningSlot | FunctionCallSlot;

/** Where one outgoing Responses stream stands. */
export interface OpenAIResponsesStreamEncoderState {
  /** The request echo, then a Responses upstream's own keys laid over it. */
  echo: Json;
  started: boolean;
  responseId: string;
  createdAt: number;
  model: string;
  serviceTier?: string | null;
  /** The next sequence_number: every event carries one, counting from 0. */
  sequence: number;
  /** Items not yet closed, in output order; only the head is written live. */
  queue: Slot[];
  /** Items closed so far, by output_index. */
  output: Json[];
  /** Items opened so far: the next output_index. */
  opened: number;
  /** Canonical tool-call index → its item. */
  toolCalls: Map<number, FunctionCallSlot>;
  finishReason?: FinishReason;
  usage?: Usage;
  /** An error or the terminal event went out: nothing may follow. */
  closed: boolean;
}

export function createOpenAIResponsesStreamEncoderState(options: OpenAIResponsesStreamEncoderOptions = {}): OpenAIResponsesStreamEncoderState {
  return {
    echo: openAIResponsesRequestEcho(options.request),
    started: false,
    responseId: '',
    createdAt: 0,
    model: '',
    sequence: 0,
    queue: [],
    output: [],
    opened: 0,
    toolCalls: new Map(),
    closed: false,
  };
}

/**
 * One canonical event → the exact SSE frames OpenAI sends for it, `event: <type>` and a
 * JSON `data` line each, `sequence_number` counting from 0.
 * https://platform.openai.com/docs/api-reference/responses-streaming
 *
 * response.created and response.in_progress; then per output item output_item.added, its
 * content events (content_part.added / output_text.delta / output_text.done /
 * content_part.done for a message; reasoning_summary_part.added / reasoning_summary_text.delta
 * / .done / reasoning_summary_part.done for reasoning; function_call_arguments.delta / .done
 * for a call) and output_item.done; finally response.completed (or response.incomplete) with
 * every item and the usage, once the canonical stream ends, since some providers report
 * usage after the finish.
 *
 * Items go out one at a time, as OpenAI streams them. Canonical tool calls may interleave by
 * index; the SDK would accept items kept open side by side (its accumulator appends each
 * output_item.added to `output` and follows output_index), but clients written against
 * OpenAI's own streams may assume one open item, and OpenAI never sends more. So the item at
 * the head of the queue is written live, and an item that starts while another is open is
 * buffered — its content kept as text, sent as one delta per part when its turn comes (a Chat
 * Completions upstream ends parallel calls only at its finish, so there the second call
 * arrives whole at the end). A message or reasoning item is complete when something else
 * starts (reasoning also when its signature or encrypted data arrives), a call at its
 * tool-call-end, everything at the finish.
 *
 * An error becomes response.failed (status failed, with the error, for clients that wait for
 * a terminal lifecycle event) followed by an `error` event — the SDKs raise only on a
 * top-level `error` key, which response.failed does not have.
 */
export function encodeOpenAIResponsesStreamEvent(state: OpenAIResponsesStreamEncoderState, event: StreamEvent): string {
  if (state.closed) return '';
  switch (event.type) {
    case 'start':
      return start(state, event);
    case 'text-delta':
    case 'refusal-delta':
      return event.delta === '' ? ensureStarted(state) : ensureStarted(state) + addText(state, event.type === 'text-delta' ? 'output_text' : 'refusal', event.delta);
    case 'reasoning-delta':
      return ensureStarted(state) + addReasoning(state, event);
    case 'tool-call-start': {
      if (state.toolCalls.has(event.index)) return ensureStarted(state);
      const text = ensureStarted(state);
      completeOpenContent(state);
      const slot: FunctionCallSlot = { kind: 'function_call', complete: false, truncated: false, callId: event.id, name: event.name, arguments: '', sent: 0 };
      state.toolCalls.set(event.index, slot);
      state.queue.push(slot);
      return text + pump(state);
    }
    case 'tool-call-delta': {
      const slot = state.toolCalls.get(event.index);
      if (!slot || slot.complete || event.argumentsDelta === '') return ensureStarted(state);
      slot.arguments += event.argumentsDelta;
      return ensureStarted(state) + pump(state);
    }
    case 'tool-call-end': {
      const slot = state.toolCalls.get(event.index);
      if (!slot) return ensureStarted(state);
      slot.complete = true;
      return ensureStarted(state) + pump(state);
    }
    case 'finish': {
      if (state.finishReason) return '';
      state.finishReason = event.finishReason;
      if (event.usage) state.usage = event.usage;
      overlayEcho(state, event.providerMetadata);
      const truncated = event.finishReason.unified === 'length' || event.finishReason.unified === 'content-filter';
      for (const slot of state.queue) {
        if (slot.complete) continue;
        slot.complete = true;
        slot.truncated = truncated;
      }
      return ensureStarted(state) + pump(state);
    }
    case 'usage':
      state.usage = event.usage;
      return '';
    case 'error':
      return ensureStarted(state) + fail(state, event.error);
  }
}

/** The canonical stream ended: the terminal lifecycle event with the whole response — or a failure if it never finished. */
export function endOpenAIResponsesStreamEncoder(state: OpenAIResponsesStreamEncoderState): string {
  if (state.closed) return '';
  let text = ensureStarted(state);
  if (!state.finishReason) {
    return text + fail(state, { kind: 'upstream', status: 502, message: 'The stream ended before the provider finished.' });
  }
  for (const slot of state.queue) slot.complete = true;
  text += pump(state);
  state.closed = true;
  const { status, incompleteDetails } = encodeOpenAIResponsesStatus(state.finishReason);
  const type = status === 'completed' ? 'response.completed' : status === 'incomplete' ? 'response.incomplete' : 'response.failed';
  return (
    text +
    frame(state, type, {
      response: responseObject(state, status, {
        incompleteDetails,
        error: status === 'failed' ? finishErrorFor(state.finishReason.raw) : null,
      }),
    })
  );
}

export function createOpenAIResponsesStreamEncoder(options: OpenAIResponsesStreamEncoderOptions = {}): ChatStreamEncoder {
  const state = createOpenAIResponsesStreamEncoderState(options);
  return {
    encode: (event) => encodeOpenAIResponsesStreamEvent(state, event),
    end: () => endOpenAIResponsesStreamEncoder(state),
  };
}

// ---------------------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------------------

function start(state: OpenAIResponsesStreamEncoderState, event: Extract<StreamEvent, { type: 'start' }>): string {
  if (state.started) return '';
  state.started = true;
  state.responseId = toOpenAIResponsesId(event.id);
  state.model = event.model;
  // Clients require a number; without the provider's, the time of encoding is the honest stand-in.
  state.createdAt = event.created ?? Math.floor(Date.now() / 1000);
  if (event.serviceTier !== undefined) state.serviceTier = event.serviceTier;
  overlayEcho(state, event.providerMetadata);
  const response = responseObject(state, 'in_progress', { incompleteDetails: null, error: null });
  return frame(state, 'response.created', { response }) + frame(state, 'response.in_progress', { response });
}

/** A stream that skipped `start` still opens with response.created (no id to keep: `resp_`). */
function ensureStarted(state: OpenAIResponsesStreamEncoderState): string {
  return state.started ? '' : start(state, { type: 'start', id: '', model: '' });
}

/** A Responses upstream's echo and extras (content_filters, completed_at …), from the decoder's providerMetadata. */
function overlayEcho(state: OpenAIResponsesStreamEncoderState, providerMetadata: Record<string, unknown> | undefined): void {
  const metadata = providerMetadata?.[openAIResponsesMetadataKey];
  if (isObject(metadata) && isObject(metadata.response)) state.echo = { ...state.echo, ...metadata.response };
}

function responseObject(
  state: OpenAIResponsesStreamEncoderState,
  status: string,
  fields: { incompleteDetails: Json | null; error: Json | null },
): Json {
  return buildOpenAIResponsesObject({
    id: state.responseId,
    createdAt: state.createdAt,
    model: state.model,
    status,
    output: status === 'in_progress' ? [] : [...state.output],
    usage: status !== 'in_progress' && state.usage ? encodeOpenAIResponsesUsage(state.usage) : null,
    error: fields.error,
    incompleteDetails: fields.incompleteDetails,
    serviceTier: state.serviceTier,
    echo: state.echo,
  });
}

function fail(state: OpenAIResponsesStreamEncoderState, error: GatewayErrorBody): string {
  state.closed = true;
  const code = error.code ?? (error.kind === 'rate_limit' ? 'rate_limit_exceeded' : 'server_error');
  return (
    frame(state, 'response.failed', {
      response: responseObject(state, 'failed', { incompleteDetails: null, error: { code, message: error.message } }),
    }) +
    frame(state, 'error', {
      code: error.code ?? null,
      message: error.message,
      param: error.param ?? null,
      error: encodeOpenAIChatErrorObject(error),
    })
  );
}

// ---------------------------------------------------------------------------------------
// Building items from canonical events
// ---------------------------------------------------------------------------------------

function addText(state: OpenAIResponsesStreamEncoderState, type: MessagePart['type'], delta: string): string {
  let slot = lastOpen(state, 'message');
  if (!slot) {
    completeOpenContent(state);
    slot = { kind: 'message', complete: false, truncated: false, parts: [] };
    state.queue.push(slot);
  }
  let part = slot.parts[slot.parts.length - 1];
  if (part?.type !== type) {
    part = { type, text: '', sent: 0, added: false, done: false };
    slot.parts.push(part);
  }
  part.text += delta;
  return pump(state);
}

function addReasoning(state: OpenAIResponsesStreamEncoderState, event: Extract<StreamEvent, { type: 'reasoning-delta' }>): string {
  const signature = event.signature === '' ? undefined : event.signature;
  if (event.delta === '' && signature === undefined && event.redactedData === undefined) return '';
  let slot = lastOpen(state, 'reasoning');
  if (!slot) {
    completeOpenContent(state);
    slot = { kind: 'reasoning', complete: false, truncated: false, text: '', sent: 0, summaryAdded: false };
    state.queue.push(slot);
  }
  slot.text += event.delta;
  slot.provider ??= event.provider;
  // The signature or the encrypted data completes the block (Anthropic signature_delta, OpenAI's done item).
  if (signature !== undefined || event.redactedData !== undefined) {
    if (signature !== undefined) slot.signature = signature;
    if (event.redactedData !== undefined) slot.redactedData = event.redactedData;
    if (event.provider !== undefined) slot.provider = event.provider;
    slot.complete = true;
  }
  return pump(state);
}

/** The open message or reasoning item text goes to: only ever the last item (see completeOpenContent). */
function lastOpen<K extends 'message' | 'reasoning'>(state: OpenAIResponsesStreamEncoderState, kind: K): Extract<Slot, { kind: K }> | undefined {
  const last = state.queue[state.queue.length - 1];
  return last && last.kind === kind && !last.complete ? (last as Extract<Slot, { kind: K }>) : undefined;
}

/** Something new starts: the text or reasoning before it is complete. */
function completeOpenContent(state: OpenAIResponsesStreamEncoderState): void {
  for (const slot of state.queue) if (slot.kind !== 'function_call') slot.complete = true;
}

// ---------------------------------------------------------------------------------------
// Writing items
// ---------------------------------------------------------------------------------------

/** Writes what the head item has and closes it when complete, then the next, until one is still open. */
function pump(state: OpenAIResponsesStreamEncoderState): string {
  let text = '';
  while (state.queue.length > 0) {
    const slot = state.queue[0]!;
    if (slot.outputIndex === undefined) text += open(state, slot);
    text += flush(state, slot);
    if (!slot.complete) break;
    text += close(state, slot);
    state.queue.shift();
  }
  return text;
}

function open(state: OpenAIResponsesStreamEncoderState, slot: Slot): string {
  const outputIndex = state.opened++;
  const id = deriveOpenAIResponsesItemId(state.responseId, slot.kind, outputIndex);
  slot.outputIndex = outputIndex;
  slot.id = id;
  let item: Json;
  if (slot.kind === 'message') item = messageItem(id, 'in_progress', []);
  else if (slot.kind === 'function_call') item = functionCallItem(id, 'in_progress', { id: slot.callId, name: slot.name, arguments: '' });
  else item = { id, type: 'reasoning', summary: [] };
  return frame(state, 'response.output_item.added', { output_index: outputIndex, item });
}

function flush(state: OpenAIResponsesStreamEncoderState, slot: Slot): string {
  const at = { item_id: slot.id, output_index: slot.outputIndex };
  let text = '';
  switch (slot.kind) {
    case 'message':
      slot.parts.forEach((part, contentIndex) => {
        if (part.done) return;
        if (!part.added) {
          part.added = true;
          const empty = part.type === 'output_text' ? outputTextPart('') : { type: 'refusal', refusal: '' };
          text += frame(state, 'response.content_part.added', { ...at, content_index: contentIndex, part: empty });
        }
        if (part.text.length > part.sent) {
          const delta = part.text.slice(part.sent);
          part.sent = part.text.length;
          text +=
            part.type === 'output_text'
              ? frame(state, 'response.output_text.delta', { ...at, content_index: contentIndex, delta, logprobs: [] })
              : frame(state, 'response.refusal.delta', { ...at, content_index: contentIndex, delta });
        }
        // A later part started: this one is finished.
        if (contentIndex < slot.parts.length - 1) text += closePart(state, slot, part, contentIndex);
      });
      return text;
    case 'reasoning':
      if (slot.text.length > slot.sent) {
        if (!slot.summaryAdded) {
          slot.summaryAdded = true;
          text += frame(state, 'response.reasoning_summary_part.added', { ...at, summary_index: 0, part: { type: 'summary_text', text: '' } });
        }
        text += frame(state, 'response.reasoning_summary_text.delta', { ...at, summary_index: 0, delta: slot.text.slice(slot.sent) });
        slot.sent = slot.text.length;
      }
      return text;
    case 'function_call':
      if (slot.arguments.length > slot.sent) {
        text += frame(state, 'response.function_call_arguments.delta', { ...at, delta: slot.arguments.slice(slot.sent) });
        slot.sent = slot.arguments.length;
      }
      return text;
  }
}

function closePart(state: OpenAIResponsesStreamEncoderState, slot: MessageSlot, part: MessagePart, contentIndex: number): string {
  part.done = true;
  const at = { item_id: slot.id, output_index: slot.outputIndex, content_index: contentIndex };
  const done =
    part.type === 'output_text'
      ? frame(state, 'response.output_text.done', { ...at, text: part.text, logprobs: [] })
      : frame(state, 'response.refusal.done', { ...at, refusal: part.text });
  const whole = outputContentPart({ type: part.type === 'output_text' ? 'text' : 'refusal', text: part.text });
  return done + frame(state, 'response.content_part.done', { ...at, part: whole });
}

function close(state: OpenAIResponsesStreamEncoderState, slot: Slot): string {
  const id = slot.id!;
  const at = { item_id: id, output_index: slot.outputIndex };
  const status = slot.truncated ? 'incomplete' : 'completed';
  let text = '';
  let item: Json;
  switch (slot.kind) {
    case 'message':
      slot.parts.forEach((part, contentIndex) => {
        if (!part.done) text += closePart(state, slot, part, contentIndex);
      });
      item = messageItem(id, status, slot.parts.map((part) => outputContentPart({ type: part.type === 'output_text' ? 'text' : 'refusal', text: part.text })));
      break;
    case 'reasoning':
      if (slot.summaryAdded) {
        text += frame(state, 'response.reasoning_summary_text.done', { ...at, summary_index: 0, text: slot.text });
        text += frame(state, 'response.reasoning_summary_part.done', { ...at, summary_index: 0, part: { type: 'summary_text', text: slot.text } });
      }
      item = reasoningItem(id, slot);
      break;
    case 'function_call':
      text += frame(state, 'response.function_call_arguments.done', { ...at, arguments: slot.arguments, name: slot.name });
      item = functionCallItem(id, status, { id: slot.callId, name: slot.name, arguments: slot.arguments });
      break;
  }
  state.output.push(item);
  return text + frame(state, 'response.output_item.done', { output_index: slot.outputIndex, item });
}

function frame(state: OpenAIResponsesStreamEncoderState, type: string, payload: Json): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, sequence_number: state.sequence++, ...payload })}\n\n`;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
