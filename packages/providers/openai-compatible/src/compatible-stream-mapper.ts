import type { SseEvent, StreamEvent } from '@switchyard/core';
import {
  createOpenAIChatStreamDecoderState,
  decodeOpenAIChatStreamEvent,
  endOpenAIChatStreamDecoder,
  type OpenAIChatStreamDecoderState,
} from '@switchyard/formats';
import { adjustCompatibleUsage } from './adjust-compatible-usage.js';
import { chunkNeedsNormalising, normaliseCompatibleChunk } from './normalise-compatible-chunk.js';
import type { OpenAICompatiblePreset } from './openai-compatible-preset.js';

/** Where one compatible stream stands: the codec's own state plus the preset's metadata seen so far. */
export interface CompatibleStreamState {
  preset: OpenAICompatiblePreset;
  codec: OpenAIChatStreamDecoderState;
  /** The latest value of each of the preset's `metadataFields` (Perplexity repeats citations on every chunk). */
  metadata: Record<string, unknown>;
}

export function createCompatibleStreamState(preset: OpenAICompatiblePreset): CompatibleStreamState {
  return { preset, codec: createOpenAIChatStreamDecoderState(), metadata: {} };
}

/**
 * One SSE event of a compatible server (+ state) → canonical events: the chunk is brought to
 * the shape the OpenAI codec reads (`normaliseCompatibleChunk`, only when its text shows it may
 * need it), decoded by the codec, and the results adjusted (usage counting, provider metadata on
 * the finish, the provider named on errors).
 */
export function mapCompatibleStreamEvent(state: CompatibleStreamState, event: SseEvent): StreamEvent[] {
  const quirks = state.preset.quirks ?? {};
  let decodable = event;
  const data = event.data.trim();
  if (data !== '' && data !== '[DONE]' && chunkNeedsNormalising(data, quirks)) {
    const parsed = parseObject(data);
    if (parsed) {
      for (const field of quirks.metadataFields ?? []) if (parsed[field] !== undefined) state.metadata[field] = parsed[field];
      decodable = { ...event, data: JSON.stringify(normaliseCompatibleChunk(parsed, quirks)) };
    }
  }
  return adjust(state, decodeOpenAIChatStreamEvent(state.codec, decodable));
}

/** The body ended: fine after `[DONE]` or a finish, an error event otherwise. */
export function endCompatibleStream(state: CompatibleStreamState): StreamEvent[] {
  return adjust(state, endOpenAIChatStreamDecoder(state.codec));
}

function adjust(state: CompatibleStreamState, events: StreamEvent[]): StreamEvent[] {
  const quirks = state.preset.quirks ?? {};
  for (const event of events) {
    if (event.type === 'finish') {
      if (event.usage) event.usage = adjustCompatibleUsage(event.usage, quirks);
      if (Object.keys(state.metadata).length > 0) event.providerMetadata = { ...event.providerMetadata, [state.preset.id]: { ...state.metadata } };
    } else if (event.type === 'usage') {
      event.usage = adjustCompatibleUsage(event.usage, quirks);
    } else if (event.type === 'error') {
      event.error.provider ??= state.preset.id;
    }
  }
  return events;
}

function parseObject(data: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    // Not JSON: the codec reports it.
    return undefined;
  }
}
