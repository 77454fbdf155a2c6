import { type ChatRequest, type ChatResponse, type StreamEvent, UpstreamError } from '@switchyard/core';
import {
  type CohereMock,
  type TestCallContext,
  collectStreamEvents,
  createTestCallContext,
  recordedAnswer,
  replaySuite,
  startCohereMock,
  streamedReasoning,
  streamedText,
} from '@switchyard/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCohereProvider } from '../src/index.js';

/*
 * Every recording in shared/fixtures/cohere-v2 goes through the adapter for real: the testkit
 * Cohere mock serves the recorded bytes (cut into small pieces, so the SSE parser meets split
 * lines), the adapter calls it over HTTP, and the mapped values are checked. Where a recording
 * has its request, a canonical request is encoded and what the mock received is compared with
 * the recorded body.
 */
const suite = replaySuite('cohere-v2', 'cohere replay');
const { fixtures } = suite;

const adapter = createCohereProvider();
let mock: CohereMock;
let testCall: TestCallContext;
const context = () => testCall.context;

function replay(name: string): void {
  mock.replayNext(recordedAnswer(fixtures, name, { chunkSize: 29 }));
}

async function generate(name: string, request: ChatRequest): Promise<ChatResponse> {
  replay(name);
  return adapter.chat.generate(request, context());
}

async function stream(name: string, request: ChatRequest): Promise<StreamEvent[]> {
  replay(name);
  const started = await adapter.chat.stream({ ...request, stream: true }, context());
  return collectStreamEvents(started.events);
}

function userRequest(text: string, extra: Partial<ChatRequest> = {}): ChatRequest {
  return { model: 'command-a-03-2025', stream: false, messages: [{ role: 'user', content: [{ type: 'text', text }] }], ...extra };
}

function received(): any {
  const request = mock.received[mock.received.length - 1]!;
  expect(request.path).toBe('/v2/chat');
  expect(request.headers.authorization).toBe('Bearer co-test-key');
  return request.json;
}


// Cases of the folder that are replayed nowhere, and why (none today).
const outOfScope: Record<string, string> = {};

const covered = new Set([
  'text',
  'text-stream',
  'tool-call',
  'tool-call-stream',
  'max-tokens',
  'reasoning',
  'usage-cached-tokens',
  'error-404-model',
  'embeddings',
  'embeddings-vercel',
]);

/** A recorded /v2/embed body as this adapter writes it: the SDK's explicit nulls are left out. */
function recordedEmbedBody(name: string): any {
  return Object.fromEntries(Object.entries(fixtures.json(`${name}.request.json`)).filter(([, value]) => value !== null));
}

describe.skipIf(!suite.found)('recorded Cohere v2 traffic through the adapter', () => {
  beforeAll(async () => {
    mock = await startCohereMock();
  });
  afterAll(() => mock?.close());
  beforeEach(() => {
    mock.reset();
    testCall = createTestCallContext({ settings: { apiKey: 'co-test-key', baseURL: mock.baseURL } });
  });
  afterEach(() => testCall?.close());

  it('covers every case of the folder, or says why not', () => {
    for (const name of fixtures.cases()) {
      if (outOfScope[name]) {
        console.warn(`cohere replay: ${name} skipped — ${outOfScope[name]}`);
        continue;
      }
      expect(covered.has(name), `fixture case ${name} is neither replayed nor skipped with a reason`).toBe(true);
    }
  });

  it('text: the recorded request body, and the answer with usage from tokens and billed units in raw', async () => {
    const response = await generate('text', userRequest('hello', { model: 'command-r7b-12-2024' }));
    expect(received()).toEqual(fixtures.json('text.request.json'));
    expect(response).toEqual({
      id: 'f17a5f6c-1734-4098-bd0d-733ef000ac7b',
      model: 'command-r7b-12-2024',
      content: [{ type: 'text', text: 'Hello! How can I assist you today?' }],
      finishReason: { unified: 'stop', raw: 'COMPLETE' },
      usage: { input: 496, output: 11, total: 507, raw: { billed_units: { input_tokens: 1, output_tokens: 9 }, tokens: { input_tokens: 496, output_tokens: 11 } } },
    });
    expect(testCall.warnings).toEqual([]);
  });

  it('usage-cached-tokens: system + user as recorded, cached tokens as cachedInput', async () => {
    const recorded = fixtures.json('usage-cached-tokens.request.json');
    const response = await generate('usage-cached-tokens', {
      model: 'command-r7b-12-2024',
      stream: false,
      messages: [
        { role: 'system', content: [{ type: 'text', text: recorded.messages[0].content }] },
        { role: 'user', content: [{ type: 'text', text: recorded.messages[1].content }] },
      ],
    });
    expect(received()).toEqual(recorded);
    expect(response.content).toEqual([{ type: 'text', text: 'Hello!' }]);
    expect(response.usage).toMatchObject({ input: 2935, output: 4, cachedInput: 2928, total: 2939 });
    expect((response.usage!.raw as any).billed_units).toEqual({ input_tokens: 2406, output_tokens: 2 });
  });

  it('reasoning: earlier reasoning goes back as a thinking block; the answer thinking comes back as reasoning', async () => {
    const recorded = fixtures.json('reasoning.request.json');
    const [first, previous, second] = recorded.messages;
    const response = await generate('reasoning', {
      model: 'command-a-reasoning-08-2025',
      stream: false,
      messages: [
        { role: 'user', content: [{ type: 'text', text: first.content }] },
        {
          role: 'assistant',
          content: [
            // As an OpenAI client sends it back: reasoning_content, no provider.
            { type: 'reasoning', text: previous.content[0].thinking },
            { type: 'text', text: previous.content[1].text },
          ],
        },
        { role: 'user', content: [{ type: 'text', text: second.content }] },
      ],
    });
    expect(received()).toEqual(recorded);
    const answer = fixtures.json('reasoning.json');
    expect(response.id).toBe('a7a1995c-1980-4683-8382-e8dda3598388');
    expect(response.content).toEqual([
      { type: 'reasoning', text: answer.message.content[0].thinking, provider: 'cohere' },
      { type: 'text', text: answer.message.content[1].text },
    ]);
    expect(response.finishReason).toEqual({ unified: 'stop', raw: 'COMPLETE' });
    expect(response.usage).toMatchObject({ input: 2190, output: 1257, total: 3447 });
  });

  it('tool-call: the plan as reasoning and in providerMetadata, two parallel calls with Cohere ids', async () => {
    const response = await generate('tool-call', userRequest('weather and attractions in San Francisco?'));
    expect(response.content).toEqual([
      {
        type: 'reasoning',
        text: 'I will use the weather tool to find out the weather in San Francisco. I will also use the cityAttractions tool to find out what attractions are in San Francisco.',
        provider: 'cohere',
      },
      { type: 'tool-call', id: 'weather_dqgshstja6p9', name: 'weather', arguments: '{"location":"San Francisco"}' },
      { type: 'tool-call', id: 'cityAttractions_dcxfx4myvx68', name: 'cityAttractions', arguments: '{"city":"San Francisco"}' },
    ]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'TOOL_CALL' });
    expect(response.usage).toMatchObject({ input: 1549, output: 103, cachedInput: 992, total: 1652 });
    expect(response.providerMetadata).toEqual({ cohere: { tool_plan: expect.stringMatching(/^I will use the weather tool/) } });
  });

  it('max-tokens: MAX_TOKENS is length', async () => {
    const response = await generate('max-tokens', userRequest('history?', { maxOutputTokens: 5 }));
    expect(received().max_tokens).toBe(5);
    expect(response.id).toBe('039584d9-7236-4ecb-9dd7-f1bed57888bc');
    expect(response.content).toEqual([{ type: 'text', text: '**The History of' }]);
    expect(response.finishReason).toEqual({ unified: 'length', raw: 'MAX_TOKENS' });
    expect(response.usage).toMatchObject({ input: 506, output: 5, cachedInput: 448 });
  });

  it('text-stream: named events and [DONE] become start, text deltas and a finish with usage', async () => {
    const events = await stream('text-stream', userRequest('capital of France?'));
    expect(received().stream).toBe(true);
    expect(mock.received.at(-1)!.headers.accept).toBe('text/event-stream');
    expect(events[0]).toEqual({ type: 'start', id: '321d178c-2c12-44d3-ae42-2f5510f6b1cc', model: 'command-a-03-2025' });
    expect(streamedText(events)).toBe('The capital of France is Paris.');
    expect(events.at(-1)).toEqual({
      type: 'finish',
      finishReason: { unified: 'stop', raw: 'COMPLETE' },
      usage: {
        input: 507,
        output: 10,
        cachedInput: 448,
        total: 517,
        raw: { billed_units: { input_tokens: 12, output_tokens: 7 }, tokens: { input_tokens: 507, output_tokens: 10 }, cached_tokens: 448 },
      },
    });
    expect(events.filter((event) => event.type === 'error')).toEqual([]);
  });

  it('tool-call-stream: the plan as reasoning deltas, two calls with their argument deltas', async () => {
    const events = await stream('tool-call-stream', userRequest('weather and attractions in San Francisco?'));
    const plan = 'I will use the weather tool to find the weather in San Francisco and the cityAttractions tool to find attractions in San Francisco.';
    expect(streamedReasoning(events)).toBe(plan);
    expect(events.filter((event) => event.type === 'tool-call-start')).toEqual([
      { type: 'tool-call-start', index: 0, id: 'weather_e8p4pn45zt0t', name: 'weather' },
      { type: 'tool-call-start', index: 1, id: 'cityAttractions_pyxssbwnq9fq', name: 'cityAttractions' },
    ]);
    const argumentsOf = (index: number) =>
      events.map((event) => (event.type === 'tool-call-delta' && event.index === index ? event.argumentsDelta : '')).join('');
    expect(JSON.parse(argumentsOf(0))).toEqual({ location: 'San Francisco' });
    expect(JSON.parse(argumentsOf(1))).toEqual({ city: 'San Francisco' });
    expect(events.filter((event) => event.type === 'tool-call-end').map((event) => (event as { index: number }).index)).toEqual([0, 1]);
    expect(events.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'tool-calls', raw: 'TOOL_CALL' },
      usage: { input: 1549, output: 95, cachedInput: 1504 },
      providerMetadata: { cohere: { tool_plan: plan } },
    });
  });

  describe('embeddings (/v2/embed)', () => {
    it('embeddings: the recorded request (input_type and truncate from the client), the recorded vector and billed tokens', async () => {
      replay('embeddings');
      const response = await adapter.embeddings.create(
        { model: 'embed-v4.0', input: ['Hello, world!'], extra: { input_type: 'search_query', truncate: 'NONE' } },
        context(),
      );
      const request = mock.received.at(-1)!;
      expect(request.path).toBe('/v2/embed');
      expect(request.headers.authorization).toBe('Bearer co-test-key');
      expect(request.json).toEqual(recordedEmbedBody('embeddings'));
      const recorded = fixtures.json('embeddings.json');
      expect(response.embeddings).toEqual(recorded.embeddings.float);
      expect(response.embeddings[0]).toHaveLength(1536);
      expect(response.usage).toMatchObject({ input: 4, total: 4 });
      expect(testCall.warnings).toEqual([]);
    });

    it('embeddings-vercel: two vectors in input order, usage from billed units; no input_type means search_document and a warning', async () => {
      replay('embeddings-vercel');
      const response = await adapter.embeddings.create({ model: 'embed-english-v3.0', input: ['sunny day at the beach', 'rainy day in the city'], extra: {} }, context());
      expect(mock.received.at(-1)!.json).toMatchObject({ input_type: 'search_document', embedding_types: ['float'] });
      expect(response.embeddings).toEqual(fixtures.json('embeddings-vercel.json').embeddings.float);
      expect(response.usage).toMatchObject({ input: 10, total: 10 });
      expect(testCall.warnings).toEqual([expect.objectContaining({ type: 'default-applied', field: 'input_type' })]);
    });

    it('error-404-model through the embeddings operation: the recorded request and not_found', async () => {
      replay('error-404-model');
      const error = await adapter.embeddings
        .create({ model: 'nonexistent', input: ['Hello, world!'], extra: { input_type: 'search_query', truncate: 'NONE' } }, context())
        .then(() => undefined, (caught: unknown) => caught);
      expect(mock.received.at(-1)!.json).toEqual(recordedEmbedBody('error-404-model'));
      expect(UpstreamError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'not_found', status: 404, provider: 'cohere', message: expect.stringContaining("model 'nonexistent' not found") });
    });
  });

  it('error-404-model: the recorded error body (from /v2/embed, same shape on chat) maps to not_found with its message', async () => {
    for (const streamed of [false, true]) {
      replay('error-404-model');
      const request = userRequest('hi', { model: 'nonexistent' });
      const call = streamed ? adapter.chat.stream({ ...request, stream: true }, context()) : adapter.chat.generate(request, context());
      const error = await call.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(UpstreamError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        kind: 'not_found',
        status: 404,
        provider: 'cohere',
        retryable: false,
        message: "model 'nonexistent' not found, make sure the correct model ID was used and that you have access to the model.",
      });
      expect((error as UpstreamError).body).toEqual(fixtures.json('error-404-model.json'));
    }
  });
});
