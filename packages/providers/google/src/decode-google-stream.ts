import { GatewayError, type HttpResponse, type StreamEvent, createSseParser } from '@switchyard/core';
import { type GoogleStreamDecoderOptions, createGoogleStreamDecoder } from './google-stream-decoder.js';

/**
 * A `streamGenerateContent?alt=sse` body → canonical events, as bytes arrive. A body that
 * breaks off (reset, idle timeout) ends in an error event, never in a clean finish.
 */
export async function* decodeGoogleStream(
  response: HttpResponse,
  model: string,
  options: GoogleStreamDecoderOptions = {},
): AsyncGenerator<StreamEvent> {
  const provider = options.provider ?? 'google';
  const parser = createSseParser();
  const decoder = createGoogleStreamDecoder(model, options);
  try {
    for await (const chunk of response.body) {
      for (const event of parser.push(chunk)) yield* decoder.decode(event);
    }
    for (const event of parser.end()) yield* decoder.decode(event);
    yield* decoder.end();
  } catch (error) {
    const reason = GatewayError.isInstance(error) ? error.toBody() : undefined;
    yield {
      type: 'error',
      error: reason ?? { kind: 'upstream', status: 502, message: `The ${provider} stream broke off before it finished.`, provider },
    };
  } finally {
    response.dispose();
  }
}
