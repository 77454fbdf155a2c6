import { type ChatRequest, type ChatResponse, type ChatStream, GatewayError, type HttpResponse, type ProviderCallContext, type StreamEvent, createSseParser, readJsonAnswer } from '@switchyard/core';
import { askStreamUsage, openAIChatCodec } from '@switchyard/formats';
import { callOllama } from './call-ollama.js';
import { mapOllamaError } from './map-ollama-error.js';

/**
 * `options.api: 'openai'`: Ollama's OpenAI-compatible endpoint (`/v1/chat/completions`), spoken
 * with the OpenAI codec. Ollama gives tool-call ids and `reasoning` there, and maps
 * `reasoning_effort` to think itself. https://github.com/ollama/ollama/blob/main/docs/openai.md
 */
export async function generateWithOllamaOpenAI(request: ChatRequest, context: ProviderCallContext): Promise<ChatResponse> {
  const encoded = openAIChatCodec.encodeRequest({ ...request, stream: false });
  encoded.warnings.forEach(context.warn);
  const response = await callOllama(context, '/v1/chat/completions', { body: JSON.stringify(encoded.body), accept: 'application/json' });
  if (response.status >= 300) throw await mapOllamaError(response);
  return openAIChatCodec.decodeResponse(await readJsonAnswer(response, 'ollama', 'Ollama'));
}

export async function streamWithOllamaOpenAI(request: ChatRequest, context: ProviderCallContext): Promise<ChatStream> {
  const encoded = openAIChatCodec.encodeRequest({ ...request, stream: true });
  encoded.warnings.forEach(context.warn);
  const body = askStreamUsage(encoded.body);
  const response = await callOllama(context, '/v1/chat/completions', { body: JSON.stringify(body), accept: 'text/event-stream' });
  if (response.status >= 300) throw await mapOllamaError(response);
  return { events: decodeOpenAIStream(response, context.signal) };
}

async function* decodeOpenAIStream(response: HttpResponse, signal: AbortSignal): AsyncGenerator<StreamEvent> {
  const parser = createSseParser();
  const decoder = openAIChatCodec.createStreamDecoder();
  try {
    for await (const chunk of response.body) {
      for (const event of parser.push(chunk)) yield* decoder.decode(event);
    }
    for (const event of parser.end()) yield* decoder.decode(event);
    yield* decoder.end();
  } catch (error) {
    if (signal.aborted) throw error;
    const failure = GatewayError.isInstance(error)
      ? error.toBody()
      : { kind: 'upstream' as const, status: 502, message: 'The connection to Ollama broke off mid-stream.' };
    yield { type: 'error', error: { ...failure, provider: 'ollama' } };
  } finally {
    response.dispose();
  }
}

