import { GatewayError, type HttpResponse, type StreamEvent, createNdjsonParser } from '@switchyard/core';
import { createOllamaStreamDecoderState, decodeOllamaStreamChunk, endOllamaStreamDecoder } from './ollama-stream-decoder.js';

/**
 * An `/api/chat` NDJSON body → canonical events, as bytes arrive. A line that is not JSON or a
 * body that breaks off (reset, idle deadline) ends in an error event, never a clean finish; only
 * the client's own abort is rethrown.
 */
export async function* decodeOllamaStream(response: HttpResponse, model: string, signal: AbortSignal): AsyncGenerator<StreamEvent> {
  const parser = createNdjsonParser();
  const state = createOllamaStreamDecoderState(model);
  try {
    for await (const chunk of response.body) {
      for (const value of parser.push(chunk)) yield* decodeOllamaStreamChunk(state, value);
      if (state.closed) return;
    }
    for (const value of parser.end()) yield* decodeOllamaStreamChunk(state, value);
    yield* endOllamaStreamDecoder(state);
  } catch (error) {
    if (signal.aborted) throw error;
    if (state.closed) return;
    const failure = GatewayError.isInstance(error)
      ? error.toBody()
      : { kind: 'upstream' as const, status: 502, message: error instanceof Error && error.message.startsWith('NDJSON') ? `Ollama sent a broken stream: ${error.message}` : 'The connection to Ollama broke off mid-stream.' };
    yield { type: 'error', error: { ...failure, provider: 'ollama' } };
  } finally {
    response.dispose();
  }
}
