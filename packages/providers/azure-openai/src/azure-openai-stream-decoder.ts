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
}

export function createAzureOpenAIStreamDecoderState(): AzureOpenAIStreamDecoderState {
  return { chat: createOpenAIChatStreamDecoderState(), filters: {} };
}

/**
 * One SSE event of an Azure stream (+ state) → canonical events. The stream is OpenAI's, with
 * Azure's annotations:
 * - the first chunk has an empty id, no choices and only `prompt_filter_results` — not the start
 *   (the OpenAI decoder skips it; the start comes from the first chunk with an id);
 * - every later chunk's choice carries `content_filter_results` for the text it adds.
 * The prompt results ride on the `start` event, and both (the latest non-empty completion
 * verdicts) on the `finish` event, under `providerMetadata['azure-openai']`. Only chunks that
 * mention filter results are parsed a second time.
 */
export function decodeAzureOpenAIStreamEvent(state: AzureOpenAIStreamDecoderState, event: SseEvent): StreamEvent[] {
  if (event.data.includes('filter_results')) captureFilters(state, event.data);
  const events = decodeOpenAIChatStreamEvent(state.chat, event);
  for (const decoded of events) {
    if (decoded.type === 'start' && state.filters.promptFilterResults !== undefined) {
      decoded.providerMetadata = { ...decoded.providerMetadata, [azureOpenAIMetadataKey]: { promptFilterResults: state.filters.promptFilterResults } };
    } else if (decoded.type === 'finish' && (state.filters.promptFilterResults ?? state.filters.contentFilterResults) !== undefined) {
      decoded.providerMetadata = { ...decoded.providerMetadata, [azureOpenAIMetadataKey]: { ...state.filters } };
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
