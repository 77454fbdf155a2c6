import { GatewayError, type HttpResponse, type StreamEvent, createSseParser } from '@switchyard/core';
import { anthropicMessagesCodec } from '@switchyard/formats';

/**
 * Decodes a Messages SSE body into canonical events as bytes arrive. A body that breaks off
 * (reset, idle deadline) ends the stream with an error event rather than an exception, so the
 * client's stream ends with its format's error; only the client's own abort is rethrown.
 */
export async function* decodeAnthropicMessagesStream(response: HttpResponse, signal: AbortSignal): AsyncGenerator<StreamEvent> {
  const parser = createSseParser();
  const decoder = anthropicMessagesCodec.createStreamDecoder();
  try {
    for await (const chunk of response.body) {
      for (const frame of parser.push(chunk)) yield* withProvider(decoder.decode(frame));
    }
    for (const frame of parser.end()) yield* withProvider(decoder.decode(frame));
    yield* withProvider(decoder.end());
  } catch (error) {
    if (signal.aborted) throw error;
    const failure = GatewayError.isInstance(error)
      ? error.toBody()
      : { kind: 'upstream' as const, status: 502, message: 'The connection to Anthropic broke off mid-stream.' };
    yield { type: 'error', error: { ...failure, provider: 'anthropic' } };
  } finally {
    response.dispose();
  }
}

function withProvider(events: StreamEvent[]): StreamEvent[] {
  for (const event of events) if (event.type === 'error') event.error.provider ??= 'anthropic';
  return events;
}
