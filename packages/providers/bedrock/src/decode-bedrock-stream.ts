import { type GatewayErrorBody, GatewayError, type HttpResponse, type StreamEvent, createAwsEventStreamDecoder } from '@switchyard/core';
import { type BedrockStreamDecoderOptions, createBedrockStreamDecoder } from './bedrock-stream-decoder.js';

/**
 * Decodes a ConverseStream body (binary `application/vnd.amazon.eventstream`) into canonical
 * events as bytes arrive. A corrupt frame (CRC mismatch), a cut body or a stalled connection ends
 * the stream with an error event; only the client's own abort is rethrown.
 */
export async function* decodeBedrockStream(
  response: HttpResponse,
  options: BedrockStreamDecoderOptions,
  signal: AbortSignal,
): AsyncGenerator<StreamEvent> {
  const framing = createAwsEventStreamDecoder();
  const decoder = createBedrockStreamDecoder(options);
  try {
    const events: StreamEvent[] = [];
    try {
      for await (const chunk of response.body) {
        for (const message of framing.push(chunk)) {
          for (const event of decoder.decode(message)) {
            yield event;
            if (event.type === 'error') return;
          }
        }
      }
      for (const message of framing.end()) events.push(...decoder.decode(message));
    } catch (error) {
      if (signal.aborted) throw error;
      yield { type: 'error', error: streamFailure(error) };
      return;
    }
    // end() adds nothing once the decoder finished or failed; otherwise it owes a finish or an error.
    yield* events;
    yield* decoder.end();
  } finally {
    response.dispose();
  }
}

function streamFailure(error: unknown): GatewayErrorBody {
  if (GatewayError.isInstance(error)) return { ...error.toBody(), provider: 'bedrock' };
  const reason = error instanceof Error ? error.message : String(error);
  return { kind: 'upstream', status: 502, message: `The Bedrock stream could not be read: ${reason}`, provider: 'bedrock' };
}
