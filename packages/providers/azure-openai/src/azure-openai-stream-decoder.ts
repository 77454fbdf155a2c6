import type { SseEvent, StreamEvent } from '@switchyard/core';
import {
  type OpenAIChatStreamDecoderState,
  createOpenAIChatStreamDecoderState,
  decodeOpenAIChatStreamEvent,
  endOpenAIChatStreamDecoder,
} from '@switchyard/formats';
import { type AzureContentFilterMetadata, azureOpenAIMetadataKey, readAzureContentFilters } from './azure-content-filter-results.js';

/** Where one Azure Chat Completions stream stands: the OpenAI decoder's state plus the filter annotations seen. */
export interface AzureOpenAIStreamDecoderState {
  chat: OpenAIChatStreamDecoderState;
  filters: AzureContentFilterMetadata;
  /** The latest chunk with non-empty completion verdicts, parsed only when the finish needs it. */
  lastVerdictChunk?: string;
}

export function createAzureOpenAIStreamDecoderState(): AzureOpenAIStreamDecoderState {
  return { chat: createOpenAIChatStreamDecoderState(), filters: {} };
}

// Azure puts `content_filter_results` on every chunk, mostly `{}`; only a non-empty one says something.
const nonEmptyVerdicts = '"content_filter_results":{"';

/**
 * One SSE event of an Azure stream (+ state) → canonical events. The stream is OpenAI's, with
 * Azure's annotations:
 * - the first chunk has an empty id, no choices and only `prompt_filter_results` — not the start
 *   (the OpenAI decoder skips it; the start comes from the first chunk with an id);
 * - every later chunk's choice carries `content_filter_results` for the text it adds.
 * The prompt results ride on the `start` event, and both (the latest non-empty completion
 * verdicts) on the `finish` event, under `providerMetadata['azure-openai']`. Chunks are not
 * parsed twice: the prompt chunk comes once, and of the verdict chunks only the latest is kept
 * (as the text it already is) and read when the finish comes.
 */
export function decodeAzureOpenAIStreamEvent(state: AzureOpenAIStreamDecoderState, event: SseEvent): StreamEvent[] {
  if (event.data.includes('"prompt_filter_results"')) captureFilters(state, event.data);
  if (event.data.includes(nonEmptyVerdicts)) state.lastVerdictChunk = event.data;
  const events = decodeOpenAIChatStreamEvent(state.chat, event);
  for (const decoded of events) {
    if (decoded.type === 'start' && state.filters.promptFilterResults !== undefined) {
      decoded.providerMetadata = { ...decoded.providerMetadata, [azureOpenAIMetadataKey]: { promptFilterResults: state.filters.promptFilterResults } };
    } else if (decoded.type === 'finish') {
      if (state.lastVerdictChunk !== undefined) captureFilters(state, state.lastVerdictChunk);
      state.lastVerdictChunk = undefined;
      if ((state.filters.promptFilterResults ?? state.filters.contentFilterResults) !== undefined) {
        decoded.providerMetadata = { ...decoded.providerMetadata, [azureOpenAIMetadataKey]: { ...state.filters } };
      }
    } else if (decoded.type === 'error') {
      decoded.error.provider ??= 'azure-openai';
    }
  }
  return events;
}

export function endAzureOpenAIStreamDecoder(state: AzureOpenAIStreamDecoderState): StreamEvent[] {
  const events = endOpenAIChatStreamDecoder(state.chat);
  for (const event of events) if (event.type === 'error') event.error.provider ??= 'azure-openai';
  return events;
}

function captureFilters(state: AzureOpenAIStreamDecoderState, data: string): void {
  let chunk: unknown;
  try {
    chunk = JSON.parse(data);
  } catch {
    return; // the OpenAI decoder reports the broken chunk
  }
  const found = readAzureContentFilters(chunk);
  if (found.promptFilterResults !== undefined) state.filters.promptFilterResults = found.promptFilterResults;
  if (found.contentFilterResults !== undefined) state.filters.contentFilterResults = found.contentFilterResults;
}
