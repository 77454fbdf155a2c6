import { type HttpResponse, type StreamEvent, createSseParser } from '@switchyard/core';
import { openAIChatCodec } from '@switchyard/formats';

/** Decodes an OpenAI SSE body into canonical events as bytes arrive. */
export async function* decodeOpenAIChatStream(response: HttpResponse): AsyncGenerator<StreamEvent> {
  const parser = createSseParser();
  const decoder = openAIChatCodec.createStreamDecoder();
  try {
    for await (const chunk of response.body) {
      for (const event of parser.push(chunk)) yield* decoder.decode(event);
    }
    for (const event of parser.end()) yield* decoder.decode(event);
    yield* decoder.end();
  } finally {
    response.dispose();
  }
}
