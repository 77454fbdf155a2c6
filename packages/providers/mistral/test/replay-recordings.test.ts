import type { AssistantContentPart, ChatMessage, ChatRequest, ChatResponse, StreamEvent } from '@switchyard/core';
import {
  collectStreamEvents,
  createTestCallContext,
  finishEvent,
  recordedAnswer,
  replaySuite,
  responseReasoning,
  responseText,
  startOpenAICompatibleMock,
  streamedText,
  type OpenAICompatibleMock,
  type ProviderFixtures,
  type TestCallContext,
} from '@switchyard/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMistralProvider } from '../src/index.js';

// Every recorded Mistral exchange in the shared fixtures, replayed by the testkit mock so the
// adapter's real path runs: request encoding with Mistral's quirks, the HTTP client, SSE
// parsing, the thinking-chunk and whole-tool-call normalisation, the codec.
const suite = replaySuite('mistral');

const adapter = createMistralProvider();
const apiKey = 'mistral-replay';
let mock: OpenAICompatibleMock;
let testCall: TestCallContext;
const context = () => testCall.context;

const user = (text: string): ChatMessage => ({ role: 'user', content: [{ type: 'text', text }] });
const plainRequest = (stream: boolean): ChatRequest => ({ model: 'mistral-small-latest', stream, messages: [user('What is the weather in San Francisco?')] });

/**
 * A recorded Mistral request body → the canonical request that encodes to it. Written out here
 * because Mistral's own request shape (thinking chunks in assistant content) is not a Chat
 * Completions request the OpenAI decoder accepts: thinking chunks become reasoning parts.
 */
function canonicalFromMistral(body: any, stream: boolean): ChatRequest {
  const messages = body.messages.map((message: any): ChatMessage => {
    const chunks = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    if (message.role !== 'assistant') return { role: message.role, content: chunks.map((chunk: any) => ({ type: 'text', text: chunk.text })) };
    const content: AssistantContentPart[] = chunks.flatMap((chunk: any): AssistantContentPart[] =>
      chunk.type === 'thinking' ? chunk.thinking.map((inner: any) => ({ type: 'reasoning', text: inner.text })) : [{ type: 'text', text: chunk.text }],
    );
    return { role: 'assistant', content };
  });
  const request: ChatRequest = { model: body.model, messages, stream };
  if (body.n != null) request.n = body.n;
  if (body.top_p != null) request.topP = body.top_p;
  if (body.prompt_cache_key != null) request.providerOptions = { mistral: { prompt_cache_key: body.prompt_cache_key } };
  return request;
}

async function generate(fixtures: ProviderFixtures, name: string, request: ChatRequest = plainRequest(false)): Promise<ChatResponse> {
  mock.replayNext(recordedAnswer(fixtures, name));
  const response = await adapter.chat!.generate(request, context());
  checkReceived(false);
  return response;
}

async function stream(fixtures: ProviderFixtures, name: string): Promise<StreamEvent[]> {
  mock.replayNext(recordedAnswer(fixtures, name, { chunkSize: 31 }));
  const started = await adapter.chat!.stream(plainRequest(true), context());
  const events = await collectStreamEvents(started.events);
  checkReceived(true);
  // Mistral refuses stream_options (it always sends usage on the finish chunk).
  expect(mock.received.at(-1)!.json).not.toHaveProperty('stream_options');
  return events;
}

function checkReceived(streamed: boolean): void {
  const received = mock.received.at(-1)!;
  expect(received.method).toBe('POST');
  expect(received.path).toBe('/v1/chat/completions');
  expect(received.headers.authorization).toBe(`Bearer ${apiKey}`);
  expect(received.headers.accept).toBe(streamed ? 'text/event-stream' : 'application/json');
  expect(testCall.warnings).toEqual([]);
}

describe.skipIf(!suite.found)('Mistral recordings replayed through the adapter', () => {
  const { fixtures } = suite;
  const replay = (name: string, run: () => Promise<void>) => it(suite.cover(name), run);

  beforeAll(async () => {
    mock = await startOpenAICompatibleMock({ apiKey, errorStyle: 'mistral' });
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(() => {
    mock?.reset();
    testCall = createTestCallContext({ settings: { apiKey, baseURL: mock.baseURL } });
  });
  afterEach(() => testCall?.close());

  replay('text', async () => {
    const response = await generate(fixtures, 'text');
    expect(response).toMatchObject({ id: '5319bd0299614c679a0068a4f2c8ffd0', model: 'mistral-small-latest', created: 1769088720 });
    expect(responseText(response)).toMatch(/^\*\*Holiday Name: "World Kindness Day of Sharing"\*\*/);
    expect(responseText(response)).toMatch(/What would you share\? 😊$/);
    expect(response.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(response.usage).toMatchObject({ input: 13, output: 434, total: 447 });
  });

  replay('text-stream', async () => {
    const events = await stream(fixtures, 'text-stream');
    expect(events[0]).toMatchObject({ type: 'start', id: '5319bd0299614c679a0068a4f2c8ffd0', model: 'mistral-small-latest' });
    expect(streamedText(events)).toBe('Hello, world! This is a test response.');
    // Usage rides on the finish chunk.
    expect(finishEvent(events)).toMatchObject({ finishReason: { unified: 'stop', raw: 'stop' }, usage: { input: 13, output: 8, total: 21 } });
    expect(events.at(-1)!.type).toBe('finish');
  });

  replay('tool-call', async () => {
    const response = await generate(fixtures, 'tool-call');
    expect(response.id).toBe('b3999b8c93e04e11bcbff7bcab829667');
    // No `type` on Mistral's tool calls; the id is Mistral's 9-character one, kept.
    expect(response.content).toEqual([{ type: 'tool-call', id: 'gSIMJiOkT', name: 'weather', arguments: '{"location": "San Francisco"}' }]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
    expect(response.usage).toMatchObject({ input: 124, output: 22, total: 146 });
  });

  replay('tool-call-stream', async () => {
    const events = await stream(fixtures, 'tool-call-stream');
    // The whole call arrives in one chunk without index, with the finish reason and usage.
    expect(events.filter((event) => event.type.startsWith('tool-call') || event.type === 'finish')).toEqual([
      { type: 'tool-call-start', index: 0, id: 'gSIMJiOkT', name: 'weather' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"location": "San Francisco"}' },
      { type: 'tool-call-end', index: 0 },
      expect.objectContaining({ type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage: expect.objectContaining({ input: 124, output: 22, total: 146 }) }),
    ]);
  });

  replay('reasoning', async () => {
    const recorded = fixtures.json('reasoning.request.json');
    const response = await generate(fixtures, 'reasoning', canonicalFromMistral(recorded, false));
    // The earlier turn's three thinking texts go back as one thinking chunk, ahead of the text: the
    // recorded body, less `prefix: false` and an empty tool_calls (which carry nothing).
    const { prefix: _prefix, tool_calls: _toolCalls, ...assistant } = recorded.messages[1];
    expect(mock.received[0]!.json).toEqual({ ...recorded, messages: [recorded.messages[0], assistant, recorded.messages[2]] });
    expect(assistant.content[0].thinking).toHaveLength(3);
    expect(response).toMatchObject({ id: '9abe8b736bff46af8e979b52334a57cd', model: 'magistral-medium-latest' });
    expect(response.content.map((part) => part.type)).toEqual(['reasoning', 'text']);
    expect(responseReasoning(response)).toMatch(/^\*\*Analogizing crossing a river\*\*\n\nThe user is asking about crossing a river/);
    expect(responseText(response)).toMatch(/^Crossing a river is quite different from crossing a street/);
    expect(response.usage).toMatchObject({ input: 664, output: 747, total: 1411 });
  });

  replay('usage-cached-tokens', async () => {
    const recorded = fixtures.json('usage-cached-tokens.request.json');
    const response = await generate(fixtures, 'usage-cached-tokens', canonicalFromMistral(recorded, false));
    // The recorded body, less what carried nothing (null fields, `prefix: false`, an empty tool_calls) and with one-text content as a string.
    expect(mock.received[0]!.json).toEqual({
      model: 'mistral-large-latest',
      messages: [
        { role: 'system', content: recorded.messages[0].content },
        { role: 'user', content: 'Reply with exactly: cache probe one.' },
        { role: 'assistant', content: 'cache probe one.' },
        { role: 'user', content: 'Reply with exactly: cache probe two.' },
      ],
      n: 1,
      top_p: 1,
      stream: false,
      prompt_cache_key: 'pydantic-ai-test-mistral-history-cache',
    });
    expect(responseText(response)).toBe('cache probe two.');
    expect(response.usage).toMatchObject({ input: 268, output: 5, cachedInput: 224, total: 273 });
  });

  it('covers every recorded case', () => {
    expect(fixtures.cases().filter((name) => !suite.covered.has(name))).toEqual([]);
  });
});
