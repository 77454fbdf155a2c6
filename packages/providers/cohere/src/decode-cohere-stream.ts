import { GatewayError, type HttpResponse, type StreamEvent, createSseParser } from '@switchyard/core';
import { createCohereStreamDecoder } from './cohere-stream-decoder.js';

/**
 * A Chat v2 SSE body → canonical events, as bytes arrive. A body that breaks off (reset, idle
 * deadline) ends in an error event, never in a clean finish; only the client's own abort is
 * rethrown.
 */
export async function* decodeCohereStream(response: HttpResponse, model: string, signal: AbortSignal): AsyncGenerator<StreamEvent> {
  const parser = createSseParser();
  const decoder = createCohereStreamDecoder(model);
  try {
    for await (const chunk of response.body) {
      for (const frame of parser.push(chunk)) yield* decoder.decode(frame);
    }
    for (const frame of parser.end()) yield* decoder.decode(frame);
    yield* decoder.end();
  } catch (error) {
    if (signal.aborted) throw error;
    const failure = GatewayError.isInstance(error)
      ? { ...error.toBody(), provider: 'cohere' }
      : { kind: 'upstream' as const, status: 502, message: 'The connection to Cohere broke off mid-stream.', provider: 'cohere' };
    yield { type: 'error', error: failure };
  } finally {
    response.dispose();
  }
}
