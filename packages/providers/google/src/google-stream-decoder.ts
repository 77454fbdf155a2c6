import { randomUUID } from 'node:crypto';
import type { GatewayErrorBody, SseEvent, StreamEvent } from '@switchyard/core';
import { type GoogleResponsePart, type GoogleUsageMetadata, googleGenerateContentResponseSchema } from './google-api.js';
import { googleCreated, googleFinishReason, googleModelName, googleResponseMetadata } from './decode-google-response.js';
import { googleToolCallId } from './google-tool-call-id.js';
import { googleStreamErrorBody } from './map-google-error.js';
import { mapGoogleUsage } from './map-google-usage.js';

/** Where one `streamGenerateContent?alt=sse` stream stands. */
export interface GoogleStreamDecoderState {
  provider: string;
  /** The model asked for, used when the chunks name none. */
  model: string;
  started: boolean;
  /** Gemini's responseId (or the generated stand-in): the stream's id and the base of tool-call ids. */
  id?: string;
  /** Function calls seen so far: the canonical index of the next one. */
  toolCalls: number;
  /** The latest usageMetadata: Gemini repeats the running totals on every chunk. */
  usage?: GoogleUsageMetadata;
  unmappedParts: GoogleResponsePart[];
  /** A finishReason (or a prompt block) arrived: the answer is complete. */
  finished: boolean;
  /** An error was reported: nothing more is decoded. */
  closed: boolean;
  /** Carry a function call's thoughtSignature inside its id too (see google-tool-call-id.ts). */
  signatureInToolCallId: boolean;
}

export interface GoogleStreamDecoderOptions {
  /** Names the reasoning origin, error provider and providerMetadata key (default 'google'). */
  provider?: string;
  /** Default true. */
  signatureInToolCallId?: boolean;
}

export function createGoogleStreamDecoderState(model: string, options: GoogleStreamDecoderOptions = {}): GoogleStreamDecoderState {
  return {
    provider: options.provider ?? 'google',
    model,
    started: false,
    toolCalls: 0,
    unmappedParts: [],
    finished: false,
    closed: false,
    signatureInToolCallId: options.signatureInToolCallId ?? true,
  };
}

/**
 * One SSE event of a Gemini stream (+ state) → canonical events.
 * https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent
 *
 * Each event is `data: {GenerateContentResponse}` (CRLF-framed; the SSE parser handles it):
 * - text parts → text-delta; thought parts → reasoning-delta.
 * - a thoughtSignature → a reasoning-delta with no text carrying it, just before the
 *   events of the part it came on (see decode-google-response.ts for why).
 * - a functionCall arrives whole: tool-call-start, one tool-call-delta with all the
 *   arguments, tool-call-end; its id is the call's own or `call_<responseId>_<n>`.
 * - usageMetadata holds running totals on every chunk: the last one is kept.
 * - the chunk with finishReason (or a promptFeedback.blockReason) → finish with the usage.
 * - a chunk with an `error` object → an error event, and the stream is over.
 */
export function decodeGoogleStreamEvent(state: GoogleStreamDecoderState, event: SseEvent): StreamEvent[] {
  if (state.closed) return [];
  const data = event.data.trim();
  if (data === '') return [];

  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return fail(state, `${state.provider} sent a stream chunk that is not JSON.`);
  }
  const parsed = googleGenerateContentResponseSchema.safeParse(json);
  if (!parsed.success) return fail(state, `${state.provider} sent a stream chunk that is not a GenerateContentResponse.`);
  const chunk = parsed.data;
  if (chunk.error) {
    state.closed = true;
    return [{ type: 'error', error: googleStreamErrorBody(chunk.error, state.provider) }];
  }

  const events: StreamEvent[] = [];
  if (!state.started) {
    state.started = true;
    state.id = chunk.responseId ?? `gemini-${randomUUID()}`;
    const start: StreamEvent = { type: 'start', id: state.id, model: googleModelName(chunk.modelVersion) ?? state.model };
    const created = googleCreated(chunk.createTime);
    if (created !== undefined) start.created = created;
    events.push(start);
  }
  if (chunk.usageMetadata) state.usage = chunk.usageMetadata;
  if (state.finished) {
    // Nothing is expected after the finish; late usage still counts.
    if (chunk.usageMetadata) events.push({ type: 'usage', usage: mapGoogleUsage(chunk.usageMetadata) });
    return events;
  }

  const candidate = chunk.candidates?.[0];
  for (const part of candidate?.content?.parts ?? []) events.push(...decodePart(state, part));

  if (candidate?.finishReason || (!candidate && chunk.promptFeedback?.blockReason)) {
    state.finished = true;
    const finish: StreamEvent = { type: 'finish', finishReason: googleFinishReason(chunk, candidate, state.toolCalls > 0) };
    if (state.usage) finish.usage = mapGoogleUsage(state.usage);
    const metadata = googleResponseMetadata(chunk, candidate, state.unmappedParts);
    if (metadata) finish.providerMetadata = { [state.provider]: metadata };
    events.push(finish);
  }
  return events;
}

function decodePart(state: GoogleStreamDecoderState, part: GoogleResponsePart): StreamEvent[] {
  const signature = part.thoughtSignature ?? undefined;
  if (part.thought === true) {
    const reasoning: StreamEvent = { type: 'reasoning-delta', delta: part.text ?? '', provider: state.provider };
    if (signature) reasoning.signature = signature;
    return [reasoning];
  }
  const events: StreamEvent[] = [];
  if (signature) events.push({ type: 'reasoning-delta', delta: '', signature, provider: state.provider });
  if (part.functionCall) {
    const index = state.toolCalls++;
    const baseId = part.functionCall.id ?? `call_${state.id}_${index}`;
    const id = state.signatureInToolCallId ? googleToolCallId(baseId, signature) : baseId;
    events.push(
      { type: 'tool-call-start', index, id, name: part.functionCall.name },
      { type: 'tool-call-delta', index, argumentsDelta: JSON.stringify(part.functionCall.args ?? {}) },
      { type: 'tool-call-end', index },
    );
  } else if (typeof part.text === 'string') {
    if (part.text !== '') events.push({ type: 'text-delta', delta: part.text });
  } else {
    state.unmappedParts.push(part);
  }
  return events;
}

/** The upstream body ended: fine after a finish, a cut stream otherwise. */
export function endGoogleStreamDecoder(state: GoogleStreamDecoderState): StreamEvent[] {
  if (state.closed) return [];
  if (state.finished) {
    state.closed = true;
    return [];
  }
  return fail(state, `The stream ended before the provider finished (${state.provider} sent no finishReason).`);
}

export interface GoogleStreamDecoder {
  decode(event: SseEvent): StreamEvent[];
  end(): StreamEvent[];
}

export function createGoogleStreamDecoder(model: string, options: GoogleStreamDecoderOptions = {}): GoogleStreamDecoder {
  const state = createGoogleStreamDecoderState(model, options);
  return {
    decode: (event) => decodeGoogleStreamEvent(state, event),
    end: () => endGoogleStreamDecoder(state),
  };
}

function fail(state: GoogleStreamDecoderState, message: string): StreamEvent[] {
  state.closed = true;
  const error: GatewayErrorBody = { kind: 'upstream', status: 502, message, provider: state.provider };
  return [{ type: 'error', error }];
}
