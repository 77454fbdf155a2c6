import type { StreamEvent } from '@switchyard/core';
import { mapTgiFinishReason } from './map-tgi-finish-reason.js';
import { isTgiError, isTgiStreamEvent } from './tgi-api.js';
import { tgiUsage } from './tgi-usage.js';

export interface TgiStreamState {
  id: string;
  model: string;
  started: boolean;
  /** The last token arrived (with its details) or the stream failed; nothing more is mapped. */
  ended: boolean;
}

export function createTgiStreamState(id: string, model: string): TgiStreamState {
  return { id, model, started: false, ended: false };
}

/**
 * One decoded `/generate_stream` event → canonical events. Special tokens (the EOS token's
 * `</s>`) are not text. The last event carries `details`: the finish reason, the generated
 * token count and, since TGI 2.x, `input_length` — the only prompt count a stream gets.
 */
export function mapTgiStreamEvent(state: TgiStreamState, value: unknown): StreamEvent[] {
  if (state.ended) return [];
  const events: StreamEvent[] = [];
  if (!state.started) {
    state.started = true;
    events.push({ type: 'start', id: state.id, model: state.model });
  }
  if (isTgiError(value) || !isTgiStreamEvent(value)) {
    state.ended = true;
    const message = isTgiError(value) ? `TGI failed mid-stream: ${value.error}` : 'TGI sent a stream event without a token';
    events.push({ type: 'error', error: { kind: 'upstream', status: 502, message, provider: 'tgi' } });
    return events;
  }
  if (!value.token.special && value.token.text !== '') events.push({ type: 'text-delta', delta: value.token.text });
  if (value.details) {
    state.ended = true;
    const usage = tgiUsage(value.details.input_length, value.details.generated_tokens, value.details);
    events.push({ type: 'finish', finishReason: mapTgiFinishReason(value.details.finish_reason), ...(usage && { usage }) });
  }
  return events;
}

/** The stream's body ended: an error unless the last token had arrived. */
export function endTgiStream(state: TgiStreamState): StreamEvent[] {
  if (state.ended) return [];
  state.ended = true;
  return [{ type: 'error', error: { kind: 'upstream', status: 502, message: 'TGI ended the stream before its last token', provider: 'tgi' } }];
}
