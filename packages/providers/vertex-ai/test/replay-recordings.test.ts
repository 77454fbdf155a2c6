import { type ChatRequest, type ChatResponse, type StreamEvent, UpstreamError } from '@switchyard/core';
import { decodeAnthropicMessagesRequest } from '@switchyard/formats';
import {
  type ProviderFixtures,
  type TestCallContext,
  type VertexMock,
  collectStreamEvents,
  createTestCallContext,
  recordedAnswer,
  replaySuite,
  responseText,
  startVertexMock,
  streamedText,
} from '@switchyard/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVertexProvider } from '../src/index.js';

/*
 * Recorded traffic through the Vertex AI adapter, served by the testkit Vertex mock from the
 * Vertex paths: the Vertex-shaped Gemini recording (google-gemini/vertex-text) and a few Gemini
 * API recordings (the body is the same on Vertex), then the Anthropic recordings as Claude on
 * Vertex answers them (rawPredict / streamRawPredict carry Messages bodies unchanged).
 */
const gemini = replaySuite('google-gemini', 'vertex replay of google-gemini');
const anthropic = replaySuite('anthropic', 'vertex replay of anthropic');

const adapter = createVertexProvider();
const accessToken = 'ya29.replay-token';
let mock: VertexMock;
let testCall: TestCallContext;

/** This test's call context, with adapter options over the default project and location. */
function context(options: Record<string, unknown> = {}) {
  return { ...testCall.context, settings: { apiKey: accessToken, baseURL: mock.baseURL, options: { project: 'my-project', location: 'us-central1', ...options } } };
}

async function generate(fixtures: ProviderFixtures, name: string, request: ChatRequest, options?: Record<string, unknown>): Promise<ChatResponse> {
  mock.replayNext(recordedAnswer(fixtures, name, { chunkSize: 31 }));
  return adapter.chat.generate(request, context(options));
}

async function stream(fixtures: ProviderFixtures, name: string, request: ChatRequest): Promise<StreamEvent[]> {
  mock.replayNext(recordedAnswer(fixtures, name, { chunkSize: 31 }));
  const started = await adapter.chat.stream({ ...request, stream: true }, context());
  return collectStreamEvents(started.events);
}

async function failure(run: () => Promise<unknown>): Promise<UpstreamError> {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(UpstreamError.isInstance(error)).toBe(true);
  return error as UpstreamError;
}

function received(path: string): any {
  const request = mock.received.at(-1)!;
  expect(request.method).toBe('POST');
  expect(request.path).toBe(path);
  expect(request.headers.authorization).toBe(`Bearer ${accessToken}`);
  return request.json;
}


beforeAll(async () => {
  mock = await startVertexMock({ accessTokens: [accessToken] });
});
afterAll(async () => {
  await mock?.close();
});
beforeEach(() => {
  mock.reset();
  testCall = createTestCallContext({ settings: { apiKey: accessToken, baseURL: mock.baseURL } });
});
afterEach(() => testCall?.close());

describe.skipIf(!gemini.found)('google-gemini recordings from the Vertex Gemini paths', () => {
  const { fixtures } = gemini;
  const geminiPath = (version: string, model: string, method: string) => `/${version}/projects/my-project/locations/us-central1/publishers/google/models/${model}:${method}`;

  it('vertex-text: the recorded request (v1beta1, as recorded) and the Vertex answer, createTime becoming created', async () => {
    const response = await generate(
      fixtures,
      'vertex-text',
      { model: 'gemini-2.5-flash', stream: false, n: 1, maxOutputTokens: 200, reasoning: { budgetTokens: 50 }, messages: [{ role: 'user', content: [{ type: 'text', text: 'why is the sky blue?' }] }] },
      { apiVersion: 'v1beta1' },
    );
    const expected = structuredClone(fixtures.json('vertex-text.request.json'));
    // A budget asks for thought summaries too, as the Gemini API mapping does.
    expected.generationConfig.thinkingConfig.includeThoughts = true;
    expect(received(geminiPath('v1beta1', 'gemini-2.5-flash', 'generateContent'))).toEqual(expected);
    expect(response).toMatchObject({
      id: 'jC77aI_PD-v8698Pl73V0QY',
      model: 'gemini-2.5-flash',
      created: Math.floor(Date.parse('2025-10-24T07:45:16.255887Z') / 1000),
      finishReason: { unified: 'length', raw: 'MAX_TOKENS' },
      usage: { input: 6, output: 197, reasoning: 42, total: 203, raw: expect.objectContaining({ trafficType: 'ON_DEMAND' }) },
    });
    expect(responseText(response)).toMatch(/^The sky is blue primarily due to a phenomenon called \*\*Rayleigh scattering\*\*/);
    // Metadata is keyed by this provider.
    expect(response.providerMetadata).toEqual({ 'vertex-ai': expect.objectContaining({ score: -36.391902923583984 }) });
    expect(testCall.warnings).toEqual([]);
  });

  it('embeddings-vertex: text-embedding :predict as recorded (v1beta1); the recorded vector and token count come back', async () => {
    mock.replayNext(recordedAnswer(fixtures, 'embeddings-vertex', { chunkSize: 97 }));
    const response = await adapter.embeddings.create({ model: 'text-embedding-004', input: ['Hello world'], extra: {} }, context({ apiVersion: 'v1beta1' }));
    expect(received(geminiPath('v1beta1', 'text-embedding-004', 'predict'))).toEqual(fixtures.json('embeddings-vertex.request.json'));
    const recorded = fixtures.json('embeddings-vertex.json').predictions[0].embeddings;
    expect(response.embeddings).toEqual([recorded.values]);
    expect(response.usage).toMatchObject({ input: recorded.statistics.token_count, total: 2 });
    expect(testCall.warnings).toEqual([]);
  });

  it('text-stream: streamGenerateContent?alt=sse on the Vertex path, deltas and usage', async () => {
    const events = await stream(fixtures, 'text-stream', {
      model: 'gemini-2.0-flash-exp',
      stream: true,
      temperature: 0,
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'You are a helpful chatbot.' }] },
        { role: 'user', content: [{ type: 'text', text: 'What is the capital of France?' }] },
      ],
    });
    const body = received(geminiPath('v1', 'gemini-2.0-flash-exp', 'streamGenerateContent?alt=sse'));
    expect(body.contents).toEqual([{ role: 'user', parts: [{ text: 'What is the capital of France?' }] }]);
    expect(mock.received.at(-1)!.headers.accept).toBe('text/event-stream');
    expect(events[0]).toEqual({ type: 'start', id: 'w1peaMz6INOvnvgPgYfPiQY', model: 'gemini-2.0-flash-exp' });
    expect(streamedText(events)).toBe('The capital of France is Paris.\n');
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop', raw: 'STOP' }, usage: { input: 13, output: 8, total: 21 } });
  });

  it('thinking-stream: Gemini signatures are marked as this provider\'s', async () => {
    const events = await stream(fixtures, 'thinking-stream', { model: 'gemini-2.5-pro', stream: true, messages: [{ role: 'user', content: [{ type: 'text', text: 'How do I cross the street?' }] }] });
    const signed = events.find((event) => event.type === 'reasoning-delta' && event.signature);
    expect(signed).toMatchObject({ provider: 'vertex-ai', signature: expect.stringMatching(/^CiIB0e2Kb6Syj1a961Ef/) });
  });

  it('text-stream-wire-fragment: a stream cut before its finish ends in an error event naming vertex-ai', async () => {
    const events = await stream(fixtures, 'text-stream-wire-fragment', { model: 'gemini-2.5-flash', stream: true, messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }] });
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { kind: 'upstream', provider: 'vertex-ai' } });
    expect(events.some((event) => event.type === 'finish')).toBe(false);
  });

  it("error-429-resource-exhausted and error-503-overloaded: Google's error bodies, Vertex's statuses", async () => {
    mock.replayNext(recordedAnswer(fixtures, 'error-429-resource-exhausted'));
    const limited = await failure(() => adapter.chat.generate({ model: 'gemini-2.5-flash', stream: false, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] }, context()));
    expect(limited).toMatchObject({ kind: 'rate_limit', status: 429, code: 'RESOURCE_EXHAUSTED', retryable: true, provider: 'vertex-ai' });
    mock.replayNext(recordedAnswer(fixtures, 'error-503-overloaded'));
    const overloaded = await failure(() => adapter.chat.stream({ model: 'gemini-2.5-flash', stream: true, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] }, context()));
    expect(overloaded).toMatchObject({ kind: 'overloaded', status: 503, code: 'UNAVAILABLE', provider: 'vertex-ai' });
  });
});

describe.skipIf(!anthropic.found)('anthropic recordings from the Vertex Claude paths', () => {
  const { fixtures } = anthropic;
  const claudePath = (model: string, method: string) => `/v1/projects/my-project/locations/us-central1/publishers/anthropic/models/${model}:${method}`;

  /** The canonical request of a recording, and the body Vertex must receive: the recorded one without model, with anthropic_version. */
  function recorded(name: string, stream: boolean): { request: ChatRequest; body: Record<string, any>; model: string } {
    const raw: Record<string, any> = { max_tokens: 4096, ...fixtures.json<Record<string, any>>(`${name}.request.json`) };
    const { request } = decodeAnthropicMessagesRequest(raw);
    const blocks = (content: unknown) => (typeof content === 'string' ? [{ type: 'text', text: content }] : content);
    const { model, ...rest } = raw;
    const body: Record<string, any> = { anthropic_version: 'vertex-2023-10-16', ...rest, stream, messages: raw.messages.map((message: any) => ({ ...message, content: blocks(message.content) })) };
    if (raw.system !== undefined) body.system = blocks(raw.system);
    return { request: { ...request, stream }, body, model };
  }

  it('thinking: rawPredict with the Messages body, thinking signed as Anthropic\'s', async () => {
    const { request, body, model } = recorded('thinking', false);
    const response = await generate(fixtures, 'thinking', request);
    expect(received(claudePath(model, 'rawPredict'))).toEqual(body);
    expect(response.content[0]).toMatchObject({ type: 'reasoning', provider: 'anthropic', signature: expect.stringMatching(/^Eq8CCkYICxgCKkDdadQO/) });
    expect(responseText(response)).toMatch(/^Here's how to cross the street safely/);
    expect(response.usage).toMatchObject({ input: 43, output: 321 });
    expect(testCall.warnings).toEqual([]);
  });

  it('tool-use-parallel: four parallel calls with Anthropic ids', async () => {
    const { request, body, model } = recorded('tool-use-parallel', false);
    const response = await generate(fixtures, 'tool-use-parallel', request);
    expect(received(claudePath(model, 'rawPredict'))).toEqual(body);
    const calls = response.content.filter((part) => part.type === 'tool-call');
    expect(calls.map((call) => [call.id, JSON.parse(call.arguments).name])).toEqual([
      ['toolu_0167cfEnoQaPviGdVXA95zcu', 'Alice'],
      ['toolu_01EEe2V5HD1Ac4rKiUR4HD2T', 'Bob'],
      ['toolu_01XFyAjstT3966qvRynZyVPo', 'Charlie'],
      ['toolu_013mnQZbgtK2oe3Mo3XKJsx3', 'Daisy'],
    ]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_use' });
  });

  it('usage-cache-read-write: cache reads and writes counted into input', async () => {
    const { request, body, model } = recorded('usage-cache-read-write', false);
    const response = await generate(fixtures, 'usage-cache-read-write', request);
    expect(received(claudePath(model, 'rawPredict'))).toEqual(body);
    expect(response.usage).toMatchObject({ input: 1532, output: 33, cachedInput: 1111, cacheWrite: 418, total: 1565 });
  });

  it('text (no recorded request): a plain Claude answer', async () => {
    const response = await generate(fixtures, 'text', { model: 'claude-sonnet-4-5@20250929', maxOutputTokens: 100, stream: false, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] });
    expect(received(claudePath('claude-sonnet-4-5@20250929', 'rawPredict'))).toEqual({
      anthropic_version: 'vertex-2023-10-16',
      max_tokens: 100,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      stream: false,
    });
    expect(response).toMatchObject({ id: 'msg_01VdEjxAP5ahtHKrrRdNBteQ', finishReason: { unified: 'stop', raw: 'end_turn' }, usage: { input: 12, output: 29 } });
  });

  it('thinking-stream: streamRawPredict, reasoning deltas and the signature', async () => {
    const { request, body, model } = recorded('thinking-stream', true);
    const events = await stream(fixtures, 'thinking-stream', request);
    expect(received(claudePath(model, 'streamRawPredict'))).toEqual(body);
    expect(events.find((event) => event.type === 'reasoning-delta' && event.signature)).toMatchObject({ provider: 'anthropic', signature: expect.stringMatching(/^EvMCCkYICxgCKkCHP2cS/) });
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop', raw: 'end_turn' }, usage: { input: 43, output: 282 } });
  });

  it('tool-use-stream-docs: streamed tool input deltas', async () => {
    const events = await stream(fixtures, 'tool-use-stream-docs', { model: 'claude-sonnet-4-5', maxOutputTokens: 100, stream: true, messages: [{ role: 'user', content: [{ type: 'text', text: 'weather?' }] }] });
    expect(events.find((event) => event.type === 'tool-call-start')).toEqual({ type: 'tool-call-start', index: 0, id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather' });
    const args = events.flatMap((event) => (event.type === 'tool-call-delta' ? [event.argumentsDelta] : [])).join('');
    expect(JSON.parse(args)).toEqual({ location: 'San Francisco, CA', unit: 'fahrenheit' });
    expect(streamedText(events)).toBe("Okay, let's check the weather for San Francisco, CA:");
  });

  it('stream-error-event-docs: an error event in the stream names vertex-ai', async () => {
    const events = await stream(fixtures, 'stream-error-event-docs', { model: 'claude-sonnet-4-5', maxOutputTokens: 100, stream: true, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] });
    expect(events).toEqual([{ type: 'error', error: { kind: 'overloaded', status: 529, message: 'Overloaded', code: 'overloaded_error', provider: 'vertex-ai' } }]);
  });

  it("error-400-invalid-request and error-529-overloaded: Anthropic's error bodies through Vertex", async () => {
    const { request } = recorded('error-400-invalid-request', false);
    mock.replayNext(recordedAnswer(fixtures, 'error-400-invalid-request'));
    const invalid = await failure(() => adapter.chat.generate(request, context()));
    expect(invalid).toMatchObject({ kind: 'invalid_request', status: 400, code: 'invalid_request_error', provider: 'vertex-ai', message: expect.stringContaining("effort level 'xhigh'") });
    mock.replayNext(recordedAnswer(fixtures, 'error-529-overloaded'));
    const overloaded = await failure(() => adapter.chat.stream({ ...request, stream: true }, context()));
    expect(overloaded).toMatchObject({ kind: 'overloaded', status: 529, code: 'overloaded_error', retryable: true, provider: 'vertex-ai' });
  });
});
