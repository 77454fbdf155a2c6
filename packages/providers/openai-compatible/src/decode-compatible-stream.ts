import { GatewayError, type HttpResponse, type StreamEvent, createSseParser } from '@switchyard/core';
import { createCompatibleStreamState, endCompatibleStream, mapCompatibleStreamEvent } from './compatible-stream-mapper.js';
import type { OpenAICompatiblePreset } from './openai-compatible-preset.js';

/**
 * Decodes a compatible server's SSE body into canonical events as bytes arrive. A body that
 * breaks off (reset, idle deadline) ends the stream with an error event rather than an
 * exception, so the client's stream ends with its format's error; only the client's own abort
 * is rethrown.
 */
export async function* decodeCompatibleStream(
  response: HttpResponse,
  preset: OpenAICompatiblePreset,
  signal: AbortSignal,
): AsyncGenerator<StreamEvent> {
  const parser = createSseParser();
  const state = createCompatibleStreamState(preset);
  try {
    for await (const chunk of response.body) {
      for (const frame of parser.push(chunk)) yield* mapCompatibleStreamEvent(state, frame);
    }
    for (const frame of parser.end()) yield* mapCompatibleStreamEvent(state, frame);
    yield* endCompatibleStream(state);
  } catch (error) {
    if (signal.aborted) throw error;
    const failure = GatewayError.isInstance(error)
      ? error.toBody()
      : { kind: 'upstream' as const, status: 502, message: `The connection to ${preset.name} broke off mid-stream.` };
    yield { type: 'error', error: { ...failure, provider: failure.provider ?? preset.id } };
  } finally {
    response.dispose();
  }
}
