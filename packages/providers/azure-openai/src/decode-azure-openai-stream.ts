import { GatewayError, type HttpResponse, type StreamEvent, createSseParser } from '@switchyard/core';
import {
  createAzureOpenAIStreamDecoderState,
  decodeAzureOpenAIStreamEvent,
  endAzureOpenAIStreamDecoder,
} from './azure-openai-stream-decoder.js';

/**
 * Decodes an Azure SSE body into canonical events as bytes arrive. A body that breaks off (reset,
 * idle deadline) ends with an error event rather than an exception, so the client's stream ends
 * with its format's error; only the client's own abort is rethrown.
 */
export async function* decodeAzureOpenAIStream(response: HttpResponse, signal: AbortSignal): AsyncGenerator<StreamEvent> {
  const parser = createSseParser();
  const state = createAzureOpenAIStreamDecoderState();
  try {
    for await (const chunk of response.body) {
      for (const event of parser.push(chunk)) yield* decodeAzureOpenAIStreamEvent(state, event);
    }
    for (const event of parser.end()) yield* decodeAzureOpenAIStreamEvent(state, event);
    yield* endAzureOpenAIStreamDecoder(state);
  } catch (error) {
    if (signal.aborted) throw error;
    const failure = GatewayError.isInstance(error)
      ? error.toBody()
      : { kind: 'upstream' as const, status: 502, message: 'The connection to Azure OpenAI broke off mid-stream.' };
    yield { type: 'error', error: { ...failure, provider: 'azure-openai' } };
  } finally {
    response.dispose();
  }
}
