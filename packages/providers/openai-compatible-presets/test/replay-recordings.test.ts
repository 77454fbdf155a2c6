import type { ChatRequest, ChatResponse, ProviderAdapter, ProviderCallContext, StreamEvent } from '@switchyard/core';
import { decodeOpenAIChatRequest } from '@switchyard/formats';
import { createDeepSeekProvider } from '@switchyard/provider-deepseek';
import { createGroqProvider } from '@switchyard/provider-groq';
import { createXAIProvider } from '@switchyard/provider-xai';
import {
  catchUpstreamError,
  collectStreamEvents,
  createTestCallContext,
  finishEvent,
  recordedAnswer,
  replaySuite,
  responseReasoning,
  responseText,
  responseToolCalls,
  startOpenAICompatibleMock,
  streamedReasoning,
  streamedText,
  streamedToolCalls,
  type OpenAICompatibleMock,
  type ProviderFixtures,
  type TestCallContext,
} from '@switchyard/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// Every recorded exchange in the shared openai-compatible fixtures (DeepSeek, Groq, xAI),
// replayed by the testkit mock through the preset it came from, so the real path runs: request
// encoding with the preset's quirks, the HTTP client, SSE parsing, normalisation, the codec.
const suite = replaySuite('openai-compatible');

const apiKey = 'sk-replay';
let mock: OpenAICompatibleMock;
let testCall: TestCallContext;

const adapters: Record<string, { adapter: ProviderAdapter; path: string; base: () => string }> = {
  deepseek: { adapter: createDeepSeekProvider(), path: '/v1/chat/completions', base: () => mock.url },
  groq: { adapter: createGroqProvider(), path: '/v1/chat/completions', base: () => mock.baseURL },
  xai: { adapter: createXAIProvider(), path: '/v1/chat/completions', base: () => mock.baseURL },
};

function presetOf(name: string) {
  return adapters[name.split('-')[0]!]!;
}

/** This test's call context, aimed at the base URL of the recording's preset. */
function context(name: string): ProviderCallContext {
  return { ...testCall.context, settings: { apiKey, baseURL: presetOf(name).base() } };
}

/** The canonical request a recording's request body decodes to, or a plain one when none was recorded. */
function recordedRequest(fixtures: ProviderFixtures, name: string, stream: boolean): ChatRequest {
  if (!fixtures.has(`${name}.request.json`)) {
    return { model: 'recorded-model', stream, messages: [{ role: 'user', content: [{ type: 'text', text: 'What is the weather in San Francisco?' }] }] };
  }
  const { request } = decodeOpenAIChatRequest(fixtures.json(`${name}.request.json`));
  return { ...request, stream };
}

async function generate(fixtures: ProviderFixtures, name: string): Promise<ChatResponse> {
  mock.replayNext(recordedAnswer(fixtures, name));
  const response = await presetOf(name).adapter.chat!.generate(recordedRequest(fixtures, name, false), context(name));
  checkReceived(fixtures, name, false);
  return response;
}

async function stream(fixtures: ProviderFixtures, name: string): Promise<StreamEvent[]> {
  mock.replayNext(recordedAnswer(fixtures, name, { chunkSize: 37 }));
  const started = await presetOf(name).adapter.chat!.stream(recordedRequest(fixtures, name, true), context(name));
  const events = await collectStreamEvents(started.events);
  checkReceived(fixtures, name, true);
  return events;
}

/** What went on the wire: the preset's path and auth, and the recorded body again (streams always ask for usage). */
function checkReceived(fixtures: ProviderFixtures, name: string, streamed: boolean): void {
  const received = mock.received.at(-1)!;
  expect(received.method).toBe('POST');
  expect(received.path).toBe(presetOf(name).path);
  expect(received.headers.authorization).toBe(`Bearer ${apiKey}`);
  expect(received.headers.accept).toBe(streamed ? 'text/event-stream' : 'application/json');
  if (fixtures.has(`${name}.request.json`)) {
    const recorded = fixtures.json(`${name}.request.json`);
    expect(received.json).toEqual(streamed ? { ...recorded, stream_options: { include_usage: true } } : recorded);
  }
  expect(testCall.warnings).toEqual([]);
}

describe.skipIf(!suite.found)('OpenAI-compatible recordings replayed through their presets', () => {
  const { fixtures } = suite;
  const replay = (name: string, run: () => Promise<void>) => it(suite.cover(name), run);

  beforeAll(async () => {
    mock = await startOpenAICompatibleMock({ apiKey });
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(() => {
    mock?.reset();
    testCall = createTestCallContext({ settings: { apiKey } });
  });
  afterEach(() => testCall?.close());

  // ---- DeepSeek -------------------------------------------------------------------------

  replay('deepseek-reasoning', async () => {
    const response = await generate(fixtures, 'deepseek-reasoning');
    expect(response).toMatchObject({ id: '181d9669-2b3a-445e-bd13-2ebff2c378f6', model: 'deepseek-reasoner', systemFingerprint: 'fp_5417b77867_prod0225' });
    expect(response.content.map((part) => part.type)).toEqual(['reasoning', 'text']);
    expect(responseReasoning(response)).toMatch(/^Okay, the user is asking how to cross the street\./);
    expect(responseText(response)).toMatch(/^Crossing the street safely involves careful observation/);
    expect(response.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(response.usage).toMatchObject({ input: 12, output: 789, cachedInput: 0, reasoning: 415, total: 801 });
    expect((response.usage!.raw as Record<string, unknown>).prompt_cache_miss_tokens).toBe(12);
  });

  replay('deepseek-reasoning-stream', async () => {
    const events = await stream(fixtures, 'deepseek-reasoning-stream');
    expect(events[0]).toMatchObject({ type: 'start', id: '33be18fc-3842-486c-8c29-dd8e578f7f20', model: 'deepseek-reasoner', systemFingerprint: 'fp_393bca965e_prod0623_fp8_kvcache' });
    const thought = streamedReasoning(events);
    expect(thought).toMatch(/^Hmm, the user just said "Hello"/);
    expect(thought).toHaveLength(882);
    expect(streamedText(events)).toBe('Hello there! 😊 How can I help you today?');
    // All reasoning precedes the text, as DeepSeek sends it.
    const lastReasoning = events.map((event) => event.type).lastIndexOf('reasoning-delta');
    expect(events.findIndex((event) => event.type === 'text-delta')).toBeGreaterThan(lastReasoning);
    // Usage rides on the finish chunk itself: it comes with the finish event.
    expect(finishEvent(events)).toMatchObject({ finishReason: { unified: 'stop', raw: 'stop' }, usage: { input: 6, output: 212, cachedInput: 0, reasoning: 198, total: 218 } });
    expect(events.at(-1)!.type).toBe('finish');
  });

  replay('deepseek-tool-call', async () => {
    const response = await generate(fixtures, 'deepseek-tool-call');
    expect(response.id).toBe('7a630f5b-b7e6-4878-82f8-d77db164d42b');
    expect(responseReasoning(response)).toMatch(/^The user is asking for the weather in San Francisco\./);
    expect(responseToolCalls(response)).toEqual([{ type: 'tool-call', id: 'call_00_9V0vrf86Pc9aelHCJMZqnJBo', name: 'weather', arguments: '{"location": "San Francisco"}' }]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
    expect(response.usage).toMatchObject({ input: 339, output: 92, cachedInput: 320, reasoning: 48, total: 431 });
  });

  replay('deepseek-tool-call-stream', async () => {
    const events = await stream(fixtures, 'deepseek-tool-call-stream');
    expect(streamedReasoning(events)).toMatch(/^The user is asking for the weather in San Francisco\. I need to use the weather t/);
    expect(streamedToolCalls(events)).toEqual([{ id: 'call_00_ioIn7yN9p1ZOMNpDLwd4MgAF', name: 'weather', arguments: '{"location": "San Francisco"}' }]);
    expect(events.filter((event) => event.type === 'tool-call-end')).toEqual([{ type: 'tool-call-end', index: 0 }]);
    expect(finishEvent(events)).toMatchObject({ finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage: { input: 339, output: 83, cachedInput: 320, reasoning: 39, total: 422 } });
  });

  // ---- Groq -----------------------------------------------------------------------------

  replay('groq-reasoning', async () => {
    const response = await generate(fixtures, 'groq-reasoning');
    // `reasoning_format: "raw"` (forwarded from the recorded request) keeps the thinking inline in <think> tags, as asked.
    expect(mock.received[0]!.json.reasoning_format).toBe('raw');
    expect(response).toMatchObject({ id: 'chatcmpl-9748c1af-1065-410a-969a-d7fb48039fbb', model: 'deepseek-r1-distill-llama-70b' });
    expect(response.content.map((part) => part.type)).toEqual(['text']);
    expect(responseText(response)).toMatch(/^<think>\nOkay, so I want to make Uruguayan alfajores\./);
    expect(response.usage).toMatchObject({ input: 21, output: 1414, total: 1435 });
    expect((response.usage!.raw as Record<string, unknown>).queue_time).toBe(0.086872184);
  });

  replay('groq-tool-call', async () => {
    const response = await generate(fixtures, 'groq-tool-call');
    expect(response).toMatchObject({ id: 'chatcmpl-1fd017fc-60b8-44eb-a736-375b8e1bc3e7', serviceTier: 'on_demand', systemFingerprint: 'fp_f8b414701e' });
    expect(responseToolCalls(response)).toEqual([{ type: 'tool-call', id: 'ax9fskhev', name: 'weather', arguments: '{}' }]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
    expect(response.usage).toMatchObject({ input: 218, output: 15, total: 233 });
    // x_groq and usage_breakdown have no canonical home: kept for OpenAI clients.
    expect(response.providerMetadata?.['openai-chat']).toMatchObject({ response: { usage_breakdown: null, x_groq: { id: 'req_01kh52madzem68scv0bcz3vm00', seed: 1790130236 } } });
  });

  replay('groq-tool-call-stream', async () => {
    const events = await stream(fixtures, 'groq-tool-call-stream');
    expect(events[0]).toMatchObject({ type: 'start', id: 'chatcmpl-b610d559-f156-4aca-8827-24b4fe6af54f', model: 'llama-3.3-70b-versatile' });
    expect(streamedToolCalls(events)).toEqual([{ id: 'tk85n1k4m', name: 'weather', arguments: '{}' }]);
    expect(finishEvent(events)).toMatchObject({ finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage: { input: 210, output: 15, total: 225 } });
  });

  replay('groq-error-400-tool-use-failed', async () => {
    mock.replayNext(recordedAnswer(fixtures, 'groq-error-400-tool-use-failed'));
    const name = 'groq-error-400-tool-use-failed';
    const error = await catchUpstreamError(() => presetOf(name).adapter.chat!.generate(recordedRequest(fixtures, name, false), context(name)));
    checkReceived(fixtures, name, false);
    expect(error).toMatchObject({ kind: 'invalid_request', status: 400, provider: 'groq', code: 'tool_use_failed', retryable: false });
    expect(error.message).toMatch(/^Tool call validation failed: tool call validation failed: parameters for tool get_something_by_name/);
    // The model's failed output stays in the kept body.
    expect((error.body as { error: { failed_generation: string } }).error.failed_generation).toContain('get_something_by_name');
  });

  replay('groq-error-404-model', async () => {
    const name = 'groq-error-404-model';
    mock.replayNext(recordedAnswer(fixtures, name));
    const error = await catchUpstreamError(() => presetOf(name).adapter.chat!.stream(recordedRequest(fixtures, name, true), context(name)));
    expect(error).toMatchObject({ kind: 'not_found', status: 404, provider: 'groq', code: 'model_not_found' });
    expect(error.message).toBe('The model `non-existent` does not exist or you do not have access to it.');
  });

  // ---- xAI ------------------------------------------------------------------------------

  replay('xai-tool-call', async () => {
    const response = await generate(fixtures, 'xai-tool-call');
    expect(response).toMatchObject({ id: '61c0468b-2a98-413e-f654-dbffcdbb62c1', model: 'grok-3-mini' });
    expect(responseReasoning(response)).toMatch(/^First, the user is asking about the weather in San Francisco\./);
    expect(responseToolCalls(response)).toEqual([{ type: 'tool-call', id: 'call_93562515', name: 'weather', arguments: '{"location":"San Francisco"}' }]);
    // xAI leaves reasoning tokens out of completion_tokens (26 + 189 reasoning; total 506 = 291 + 215).
    expect(response.usage).toMatchObject({ input: 291, output: 215, cachedInput: 244, reasoning: 189, total: 506 });
    expect((response.usage!.raw as Record<string, unknown>).completion_tokens).toBe(26);
  });

  it('covers every recorded case', () => {
    expect(fixtures.cases().filter((name) => !suite.covered.has(name))).toEqual([]);
  });
});
