import { randomUUID } from 'node:crypto';
import type { GatewayErrorBody, SseEvent, StreamEvent } from '@switchyard/core';
import { type CohereStreamEvent, cohereStreamEventSchema } from './cohere-api.js';
import { mapCohereFinishReason } from './map-cohere-finish-reason.js';
import { mapCohereUsage } from './map-cohere-usage.js';

/** Where one Chat v2 stream stands. */
export interface CohereStreamDecoderState {
  /** The model asked for: Cohere's events never name it. */
  model: string;
  started: boolean;
  id?: string;
  /** Cohere's tool-call index → the canonical index (given in order of tool-call-start). */
  toolIndexes: Map<number, number>;
  openToolCalls: Set<number>;
  /** The tool plan so far, kept for providerMetadata. */
  toolPlan: string;
  /** One citation per citation-start, in order. */
  citations: unknown[];
  /** message-end arrived: the answer is complete. */
  finished: boolean;
  /** An error was reported: nothing more is decoded. */
  closed: boolean;
}

export function createCohereStreamDecoderState(model: string): CohereStreamDecoderState {
  return { model, started: false, toolIndexes: new Map(), openToolCalls: new Set(), toolPlan: '', citations: [], finished: false, closed: false };
}

/**
 * One SSE event of a Chat v2 stream (+ state) → canonical events.
 * https://docs.cohere.com/docs/streaming
 *
 * Each event is `event: <type>` + `data: {"type": <type>, …}`; the stream ends with `data: [DONE]`.
 * - message-start → start (Cohere's id).
 * - content-delta → text-delta, or reasoning-delta for a `thinking` block.
 * - tool-plan-delta → reasoning-delta: the plan is the model's reasoning before it calls tools
 *   (the whole plan is also kept in the finish's providerMetadata.cohere.tool_plan).
 * - tool-call-start / -delta / -end → tool-call events; Cohere's index is mapped to a canonical
 *   index given in start order, so interleaved calls stay apart.
 * - citation-start → collected; the finish carries them in providerMetadata.cohere.citations.
 * - message-end → finish with the reason and usage; finish_reason ERROR (with `delta.error`)
 *   is a failure and becomes an error event, never a clean finish.
 * - content-start / content-end / citation-end / debug carry nothing more; unknown types are
 *   skipped so a newer API version does not break the stream.
 */
export function decodeCohereStreamEvent(state: CohereStreamDecoderState, event: SseEvent): StreamEvent[] {
  if (state.closed) return [];
  const data = event.data.trim();
  if (data === '') return [];
  if (data === '[DONE]') return state.finished ? [] : fail(state, 'Cohere ended the stream ([DONE]) before message-end.');

  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return fail(state, 'Cohere sent a stream event that is not JSON.');
  }
  const parsed = cohereStreamEventSchema.safeParse(json);
  if (!parsed.success) return fail(state, 'Cohere sent a stream event of an unknown shape.');
  const payload = parsed.data;
  const type = payload.type ?? event.event;
  if (type === undefined || type === 'error') {
    if (typeof payload.message === 'string' || type === 'error') return fail(state, payload.message ?? 'Cohere reported an error in the stream.');
    return [];
  }
  if (state.finished) return [];

  const events: StreamEvent[] = [];
  if (!state.started) {
    state.started = true;
    // Generated only when a proxy dropped message-start.
    state.id = (type === 'message-start' ? payload.id : undefined) ?? `cohere-${randomUUID()}`;
    events.push({ type: 'start', id: state.id, model: state.model });
  }
  const message = payload.delta?.message;

  switch (type) {
    case 'content-start':
    case 'content-delta': {
      const content = Array.isArray(message?.content) ? undefined : message?.content;
      if (typeof content?.thinking === 'string' && content.thinking !== '') {
        events.push({ type: 'reasoning-delta', delta: content.thinking, provider: 'cohere' });
      }
      if (typeof content?.text === 'string' && content.text !== '') events.push({ type: 'text-delta', delta: content.text });
      break;
    }
    case 'tool-plan-delta':
      if (typeof message?.tool_plan === 'string' && message.tool_plan !== '') {
        state.toolPlan += message.tool_plan;
        events.push({ type: 'reasoning-delta', delta: message.tool_plan, provider: 'cohere' });
      }
      break;
    case 'tool-call-start': {
      const index = state.toolIndexes.size;
      state.toolIndexes.set(payload.index ?? index, index);
      state.openToolCalls.add(index);
      const call = Array.isArray(message?.tool_calls) ? undefined : message?.tool_calls;
      events.push({ type: 'tool-call-start', index, id: call?.id ?? `${state.id}_call_${index}`, name: call?.function?.name ?? '' });
      const initial = call?.function?.arguments;
      if (typeof initial === 'string' && initial !== '') events.push({ type: 'tool-call-delta', index, argumentsDelta: initial });
      break;
    }
    case 'tool-call-delta': {
      const index = toolIndex(state, payload);
      if (index === undefined) return [...events, ...fail(state, 'Cohere sent arguments for a tool call it never started.')];
      const call = Array.isArray(message?.tool_calls) ? undefined : message?.tool_calls;
      const delta = call?.function?.arguments;
      if (typeof delta === 'string' && delta !== '') events.push({ type: 'tool-call-delta', index, argumentsDelta: delta });
      break;
    }
    case 'tool-call-end': {
      const index = toolIndex(state, payload);
      if (index !== undefined && state.openToolCalls.delete(index)) events.push({ type: 'tool-call-end', index });
      break;
    }
    case 'citation-start':
      if (message?.citations !== undefined) state.citations.push(message.citations);
      break;
    case 'message-end':
      events.push(...finish(state, payload));
      break;
    default:
      break;
  }
  return events;
}

function toolIndex(state: CohereStreamDecoderState, payload: CohereStreamEvent): number | undefined {
  // Without an index, the call is the one started last.
  if (payload.index == null) return state.toolIndexes.size > 0 ? state.toolIndexes.size - 1 : undefined;
  return state.toolIndexes.get(payload.index);
}

function finish(state: CohereStreamDecoderState, payload: CohereStreamEvent): StreamEvent[] {
  const events: StreamEvent[] = [];
  for (const index of state.openToolCalls) events.push({ type: 'tool-call-end', index });
  state.openToolCalls.clear();
  const delta = payload.delta;
  if (delta?.finish_reason === 'ERROR') {
    return [...events, ...fail(state, delta.error || 'Cohere stopped the generation with an error.', 'ERROR')];
  }
  state.finished = true;
  const finishEvent: Extract<StreamEvent, { type: 'finish' }> = { type: 'finish', finishReason: mapCohereFinishReason(delta?.finish_reason) };
  if (delta?.usage) finishEvent.usage = mapCohereUsage(delta.usage);
  const metadata: Record<string, unknown> = {};
  if (state.citations.length > 0) metadata.citations = state.citations;
  if (state.toolPlan !== '') metadata.tool_plan = state.toolPlan;
  if (Object.keys(metadata).length > 0) finishEvent.providerMetadata = { cohere: metadata };
  events.push(finishEvent);
  return events;
}

/** The upstream body ended: fine after message-end, a cut stream otherwise. */
export function endCohereStreamDecoder(state: CohereStreamDecoderState): StreamEvent[] {
  if (state.closed) return [];
  if (state.finished) {
    state.closed = true;
    return [];
  }
  return fail(state, 'The stream ended before the provider finished (Cohere sent no message-end).');
}

export interface CohereStreamDecoder {
  decode(event: SseEvent): StreamEvent[];
  end(): StreamEvent[];
}

export function createCohereStreamDecoder(model: string): CohereStreamDecoder {
  const state = createCohereStreamDecoderState(model);
  return {
    decode: (event) => decodeCohereStreamEvent(state, event),
    end: () => endCohereStreamDecoder(state),
  };
}

function fail(state: CohereStreamDecoderState, message: string, code?: string): StreamEvent[] {
  state.closed = true;
  const error: GatewayErrorBody = { kind: 'upstream', status: 502, message, provider: 'cohere' };
  if (code !== undefined) error.code = code;
  return [{ type: 'error', error }];
}
