import type { ChatRequest, ChatResponse, StreamEvent, UserContentPart } from '@switchyard/core';
import { decodeOpenAIChatRequest } from '@switchyard/formats';
import {
  catchUpstreamError,
  collectStreamEvents,
  createTestCallContext,
  finishEvent,
  recordedAnswer,
  replaySuite,
  responseText,
  responseToolCalls,
  startOllamaMock,
  type OllamaMock,
  type ProviderFixtures,
  type TestCallContext,
} from '@switchyard/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOllamaProvider, ollamaResponseId, ollamaToolCallId } from '../src/index.js';

// Every recorded Ollama exchange in the shared fixtures, replayed by the testkit mock so the
// adapter's real path runs: request encoding, the HTTP client, NDJSON parsing, the decoders.
const suite = replaySuite('ollama');

const skipped: Record<string, string> = {
  'generate-stream': 'an /api/generate stream; the adapter speaks /api/chat only (no generate support)',
  'generate-stream-full': 'an /api/generate stream; the adapter speaks /api/chat only (no generate support)',
};
if (suite.found) for (const [name, reason] of Object.entries(skipped)) console.warn(`ollama replay: ${name} skipped: ${reason}`);

const adapter = createOllamaProvider();
let mock: OllamaMock;
let testCall: TestCallContext;

/** This test's call context, with the given adapter options. */
function context(options: Record<string, unknown> = {}) {
  return { ...testCall.context, settings: { baseURL: mock.baseURL, options } };
}

/** The canonical request that encodes to a recorded native `/api/chat` body. */
function canonicalFromOllama(body: Record<string, any>, stream: boolean): ChatRequest {
  const request: ChatRequest = {
    model: body.model,
    stream,
    messages: body.messages.map((message: any) => {
      const content: UserContentPart[] = [{ type: 'text', text: message.content }];
      for (const image of message.images ?? []) content.push({ type: 'image', source: { type: 'base64', mediaType: 'image/png', data: image } });
      return { role: message.role, content };
    }),
  };
  if (body.tools) {
    request.tools = body.tools.map((tool: any) => ({ name: tool.function.name, description: tool.function.description, parameters: tool.function.parameters }));
  }
  if (body.format === 'json') request.responseFormat = { type: 'json_object' };
  else if (body.format) request.responseFormat = { type: 'json_schema', name: 'response', schema: body.format };
  if (body.options?.temperature !== undefined) request.temperature = body.options.temperature;
  return request;
}

function recordedRequest(fixtures: ProviderFixtures, name: string, stream: boolean): ChatRequest {
  if (!fixtures.has(`${name}.request.json`)) return { model: 'gpt-oss:120b', stream, messages: [{ role: 'user', content: [{ type: 'text', text: 'search for ollama bash lib' }] }] };
  return canonicalFromOllama(fixtures.json(`${name}.request.json`), stream);
}

/** The body the adapter must send: the recorded one, `stream` always spelled out (Ollama streams by default). */
function checkReceived(fixtures: ProviderFixtures, name: string, stream: boolean): void {
  const received = mock.received.at(-1)!;
  expect(received.method).toBe('POST');
  expect(received.path).toBe('/api/chat');
  expect(received.headers.accept).toBe(stream ? 'application/x-ndjson' : 'application/json');
  if (fixtures.has(`${name}.request.json`)) expect(received.json).toEqual({ ...fixtures.json(`${name}.request.json`), stream });
  expect(testCall.warnings).toEqual([]);
}

async function generate(fixtures: ProviderFixtures, name: string): Promise<ChatResponse> {
  mock.replayNext(recordedAnswer(fixtures, name));
  const response = await adapter.chat!.generate(recordedRequest(fixtures, name, false), context());
  checkReceived(fixtures, name, false);
  return response;
}

async function stream(fixtures: ProviderFixtures, name: string): Promise<StreamEvent[]> {
  mock.replayNext(recordedAnswer(fixtures, name, { chunkSize: 23 }));
  const started = await adapter.chat!.stream(recordedRequest(fixtures, name, true), context());
  const events = await collectStreamEvents(started.events);
  checkReceived(fixtures, name, true);
  return events;
}

describe.skipIf(!suite.found)('Ollama recordings replayed through the adapter', () => {
  const { fixtures } = suite;
  const replay = (name: string, run: () => Promise<void>) => it(suite.cover(name), run);
  // Recorded cases for endpoints the adapter does not speak (/api/generate): listed
  // as skipped, each with its reason, so the suite still proves every recording is accounted for.
  for (const [name, reason] of Object.entries(skipped)) it.skip(`${suite.cover(name)} (skipped: ${reason})`, () => {});

  beforeAll(async () => {
    mock = await startOllamaMock();
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(() => {
    mock?.reset();
    testCall = createTestCallContext({ settings: { baseURL: mock.baseURL } });
  });
  afterEach(() => testCall?.close());

  replay('embed', async () => {
    mock.replayNext(recordedAnswer(fixtures, 'embed', { chunkSize: 37 }));
    // The docs' example has no recorded request; the one it shows is this.
    const response = await adapter.embeddings.create({ model: 'all-minilm', input: ['Why is the sky blue?'], extra: {} }, context());
    const received = mock.received.at(-1)!;
    expect(received.path).toBe('/api/embed');
    expect(received.json).toEqual({ model: 'all-minilm', input: ['Why is the sky blue?'] });
    const recorded = fixtures.json('embed.json');
    expect(response.model).toBe('all-minilm');
    expect(response.embeddings).toEqual(recorded.embeddings);
    expect(response.usage).toMatchObject({ input: 8, total: 8 });
    expect(testCall.warnings).toEqual([]);
  });

  replay('chat', async () => {
    const response = await generate(fixtures, 'chat');
    expect(response).toMatchObject({ id: ollamaResponseId('2023-12-12T14:13:43.416799Z', 'llama3.2'), model: 'llama3.2', created: 1702390423 });
    expect(response.content).toEqual([{ type: 'text', text: 'Hello! How are you today?' }]);
    // A server of that age sent no done_reason: a completed answer is a stop, raw null.
    expect(response.finishReason).toEqual({ unified: 'stop', raw: null });
    expect(response.usage).toMatchObject({ input: 26, output: 298, total: 324, raw: { prompt_eval_count: 26, eval_count: 298, total_duration: 5191566416 } });
    expect(response.providerMetadata).toEqual({ ollama: { created_at: '2023-12-12T14:13:43.416799Z' } });
    // The same answer decodes to the same id.
    mock.replayNext(recordedAnswer(fixtures, 'chat'));
    expect((await adapter.chat!.generate(recordedRequest(fixtures, 'chat', false), context())).id).toBe(response.id);
  });

  replay('chat-image-input', async () => {
    const response = await generate(fixtures, 'chat-image-input');
    expect(mock.received[0]!.json.messages[0].images[0]).toMatch(/^iVBORw0KGgoAAAANSUhEUgAAAG0AAABm/);
    expect(responseText(response)).toMatch(/^ The image features a cute, little pig/);
    expect(response.usage).toMatchObject({ input: 26, output: 83, total: 109 });
  });

  replay('chat-stream', async () => {
    const events = await stream(fixtures, 'chat-stream');
    expect(events.map((event) => event.type)).toEqual(['start', 'text-delta', 'finish']);
    expect(events[0]).toMatchObject({ id: ollamaResponseId('2023-08-04T08:52:19.385406455-07:00', 'llama3.2'), model: 'llama3.2' });
    expect(events[1]).toEqual({ type: 'text-delta', delta: 'The' });
    expect(finishEvent(events)).toMatchObject({ finishReason: { unified: 'stop', raw: null }, usage: { input: 26, output: 282, total: 308 } });
  });

  replay('chat-structured-output', async () => {
    const response = await generate(fixtures, 'chat-structured-output');
    expect(mock.received[0]!.json.format).toEqual(fixtures.json('chat-structured-output.request.json').format);
    expect(JSON.parse(responseText(response))).toEqual({ age: 22, available: false });
    expect(response.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(response.usage).toMatchObject({ input: 34, output: 12 });
  });

  replay('chat-tool-call', async () => {
    const response = await generate(fixtures, 'chat-tool-call');
    // No id from a server of that age: a stable one is derived from the answer.
    expect(responseToolCalls(response)).toEqual([
      { type: 'tool-call', id: ollamaToolCallId('2025-07-07T20:32:53.844124Z', 'llama3.2', 0), name: 'get_weather', arguments: '{"city":"Tokyo"}' },
    ]);
    expect(responseToolCalls(response)[0]!.id).toMatch(/^call_[0-9a-f]{24}$/);
    expect(response.content.some((part) => part.type === 'text')).toBe(false);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'stop' });
    expect(response.usage).toMatchObject({ input: 169, output: 18 });
  });

  replay('chat-tool-call-stream', async () => {
    const events = await stream(fixtures, 'chat-tool-call-stream');
    const id = ollamaToolCallId('2025-07-07T20:22:19.184789Z', 'llama3.2', 0);
    expect(events.filter((event) => event.type.startsWith('tool-call'))).toEqual([
      { type: 'tool-call-start', index: 0, id, name: 'get_weather' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"city":"Tokyo"}' },
      { type: 'tool-call-end', index: 0 },
    ]);
    expect(finishEvent(events)).toMatchObject({ finishReason: { unified: 'tool-calls', raw: 'stop' }, usage: { input: 169, output: 15 } });
  });

  replay('chat-tool-call-thinking', async () => {
    const response = await generate(fixtures, 'chat-tool-call-thinking');
    expect(response.content).toEqual([
      { type: 'reasoning', text: "The user wants to search for 'ollama bash lib'. Use the search function." },
      { type: 'tool-call', id: ollamaToolCallId('2025-08-18T20:56:43.228957185Z', 'gpt-oss:120b', 0), name: 'search', arguments: '{"query":"ollama bash lib"}' },
    ]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: null });
    expect(response.usage).toMatchObject({ input: 129, output: 47, total: 176 });
  });

  replay('error-502-upstream', async () => {
    const error = await catchUpstreamError(() => generate(fixtures, 'error-502-upstream'));
    expect(error).toMatchObject({ kind: 'upstream', status: 502, message: 'upstream error', provider: 'ollama', retryable: true });
    mock.replayNext(recordedAnswer(fixtures, 'error-502-upstream'));
    const streamed = await catchUpstreamError(() => adapter.chat!.stream(recordedRequest(fixtures, 'error-502-upstream', true), context()));
    expect(streamed).toMatchObject({ kind: 'upstream', status: 502 });
  });

  replay('error-body-docs', async () => {
    // Ollama answers this body with a 500 before any byte, or as the last line of a stream.
    mock.replayNext(recordedAnswer(fixtures, 'error-body-docs', { status: 500 }));
    const error = await catchUpstreamError(() => adapter.chat!.generate(recordedRequest(fixtures, 'error-body-docs', false), context()));
    expect(error).toMatchObject({ kind: 'upstream', status: 500, message: 'the model failed to generate a response' });

    const line = JSON.stringify(fixtures.json('error-body-docs.json'));
    mock.replayNext({ body: `{"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"Hi"},"done":false}\n${line}\n`, contentType: 'application/x-ndjson' });
    const started = await adapter.chat!.stream(recordedRequest(fixtures, 'error-body-docs', true), context());
    const events = await collectStreamEvents(started.events);
    expect(events.map((event) => event.type)).toEqual(['start', 'text-delta', 'error']);
    expect(events.at(-1)).toMatchObject({ error: { kind: 'upstream', message: 'the model failed to generate a response', provider: 'ollama' } });
  });

  replay('openai-compat-structured-output-local', async () => {
    mock.replayNext(recordedAnswer(fixtures, 'openai-compat-structured-output-local'));
    const { request } = decodeOpenAIChatRequest(fixtures.json('openai-compat-structured-output-local.request.json'));
    const response = await adapter.chat!.generate(request, context({ api: 'openai' }));
    expect(mock.received[0]!.path).toBe('/v1/chat/completions');
    expect(mock.received[0]!.json).toEqual(fixtures.json('openai-compat-structured-output-local.request.json'));
    expect(response.id).toBe('chatcmpl-150');
    expect(response.content[0]).toMatchObject({ type: 'reasoning', text: expect.stringMatching(/^Okay, the user is asking for the capital of France/) });
    expect(JSON.parse(responseText(response))).toEqual({ city: 'Paris', country: 'France' });
    expect(response.usage).toMatchObject({ input: 136, output: 15, total: 151 });
    expect(testCall.warnings).toEqual([]);
  });

  replay('openai-compat-tool-call-cloud', async () => {
    mock.replayNext(recordedAnswer(fixtures, 'openai-compat-tool-call-cloud'));
    const recorded = fixtures.json('openai-compat-tool-call-cloud.request.json');
    const { request } = decodeOpenAIChatRequest(recorded);
    const response = await adapter.chat!.generate(request, context({ api: 'openai' }));
    expect(mock.received[0]!.json).toMatchObject({ model: 'gpt-oss:20b', tool_choice: 'auto', tools: recorded.tools, stream: false });
    expect(mock.received[0]!.json.messages.map((message: { role: string }) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(responseToolCalls(response)).toEqual([{ type: 'tool-call', id: 'call_o2vnpxrw', name: 'final_result', arguments: '{"city":"Paris","country":"France"}' }]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
    expect(response.content[0]).toMatchObject({ type: 'reasoning' });
    expect(response.usage).toMatchObject({ input: 206, output: 194, total: 400 });
  });

  it('covers every recorded case', () => {
    expect([...suite.covered].sort()).toEqual(fixtures.cases());
  });
});
