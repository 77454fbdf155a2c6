import { GatewayError, type HttpResponse, type StreamEvent, createSseParser } from '@switchyard/core';
import { type TgiStreamState, endTgiStream, mapTgiStreamEvent } from './tgi-stream-mapper.js';

/** A `/generate_stream` SSE body → canonical events as bytes arrive; a broken body ends in an error event. */
export async function* decodeTgiStream(response: HttpResponse, state: TgiStreamState, signal: AbortSignal): AsyncGenerator<StreamEvent> {
  const parser = createSseParser();
  try {
    for await (const chunk of response.body) {
      for (const frame of parser.push(chunk)) yield* mapFrame(state, frame.data);
      if (state.ended) return;
    }
    for (const frame of parser.end()) yield* mapFrame(state, frame.data);
    yield* endTgiStream(state);
  } catch (error) {
    if (signal.aborted) throw error;
    if (state.ended) return;
    state.ended = true;
    const failure = GatewayError.isInstance(error) ? error.toBody() : { kind: 'upstream' as const, status: 502, message: 'The connection to TGI broke off mid-stream.' };
    yield { type: 'error', error: { ...failure, provider: 'tgi' } };
  } finally {
    response.dispose();
  }
}

function mapFrame(state: TgiStreamState, data: string): StreamEvent[] {
  if (data === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    value = { error: `an event that is not JSON: ${data.slice(0, 100)}` };
  }
  return mapTgiStreamEvent(state, value);
}
