import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSseParser, type ChatRequest, type ChatResponse, type StreamEvent } from '@switchyard/core';
import * as formats from '@switchyard/formats';
import { decodeOpenAIChatRequest, type ChatFormatCodec } from '@switchyard/formats';
import {
  catchUpstreamError,
  collectStreamEvents,
  createTestCallContext,
  finishEvent,
  recordedAnswer,
  replaySuite,
  responseText,
  startAzureOpenAIMock,
  streamedText,
  type AzureOpenAIMock,
  type ProviderFixtures,
  type TestCallContext,
} from '@switchyard/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAzureOpenAIProvider } from '../src/index.js';

// Every recorded Azure OpenAI exchange in the shared fixtures, replayed by the testkit mock so the
// adapter's real path runs: URL and headers, the HTTP client, SSE parsing, the OpenAI codec, and
// the content-filter annotations.
const suite = replaySuite('azure-openai');

// The Responses API recordings need a Responses codec; it lives in formats once written.
const responsesCodec = (formats as Record<string, unknown>).openAIResponsesCodec as ChatFormatCodec | undefined;
const responsesFolder = fileURLToPath(new URL('../../../formats/src/openai-responses', import.meta.url));
const responsesSkipReason = responsesCodec
  ? undefined
  : `no Responses codec in @switchyard/formats yet (${existsSync(responsesFolder) ? 'openai-responses/ exists but exports no openAIResponsesCodec' : 'packages/formats/src/openai-responses is absent'})`;
if (suite.found && responsesSkipReason) console.warn(`azure-openai responses-* recordings skipped: ${responsesSkipReason}`);

const adapter = createAzureOpenAIProvider();
const apiKey = 'azure-replay-key';
let mock: AzureOpenAIMock;
let testCall: TestCallContext;

/** This test's call context, with the given adapter options. */
function context(options: Record<string, unknown> = {}) {
  return { ...testCall.context, settings: { apiKey, baseURL: mock.baseURL, options } };
}

/** The canonical request a recording's Chat Completions body decodes to. */
function recordedRequest(fixtures: ProviderFixtures, name: string, stream: boolean): ChatRequest {
  if (!fixtures.has(`${name}.request.json`)) {
    return { model: 'gpt-4o', stream, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] };
  }
  return { ...decodeOpenAIChatRequest(fixtures.json(`${name}.request.json`)).request, stream };
}

async function generate(fixtures: ProviderFixtures, name: string, options: Record<string, unknown> = {}): Promise<ChatResponse> {
  mock.replayNext(recordedAnswer(fixtures, name));
  return adapter.chat!.generate(recordedRequest(fixtures, name, false), context(options));
}

async function stream(fixtures: ProviderFixtures, name: string): Promise<StreamEvent[]> {
  mock.replayNext(recordedAnswer(fixtures, name, { chunkSize: 37 }));
  const started = await adapter.chat!.stream(recordedRequest(fixtures, name, true), context());
  return collectStreamEvents(started.events);
}

/** Passthrough: the client's bytes go up, the recorded bytes come back untouched. */
async function passthrough(fixtures: ProviderFixtures, name: string, extension: string, streamed: boolean): Promise<string> {
  mock.replayNext(recordedAnswer(fixtures, name, { chunkSize: 41 }));
  const body = fixtures.has(`${name}.request.json`) ? fixtures.text(`${name}.request.json`) : '{"model":"gpt-5-nano","messages":[{"role":"user","content":"hi"}],"stream":true}';
  const model = JSON.parse(body).model as string;
  const answer = await adapter.passthrough!({ format: 'openai-chat', body: new TextEncoder().encode(body), model, stream: streamed }, context());
  const chunks: Uint8Array[] = [];
  for await (const chunk of answer.body) chunks.push(chunk);
  expect(mock.received.at(-1)!.body).toBe(body);
  const text = Buffer.concat(chunks).toString('utf8');
  expect(text).toBe(fixtures.text(`${name}.${extension}`));
  return text;
}

describe.skipIf(!suite.found)('Azure OpenAI recordings replayed through the adapter', () => {
  const { fixtures } = suite;
  const replay = (name: string, run: () => Promise<void>) => it(suite.cover(name), run);
  const replayResponses = (name: string, run: (codec: ChatFormatCodec) => Promise<void> | void) => {
    suite.cover(name);
    it.skipIf(!responsesCodec)(`${name}${responsesSkipReason ? ` (skipped: ${responsesSkipReason})` : ''}`, () => run(responsesCodec!));
  };

  beforeAll(async () => {
    mock = await startAzureOpenAIMock({ apiKey });
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(() => {
    mock?.reset();
    testCall = createTestCallContext({ settings: { apiKey, baseURL: mock.baseURL } });
  });
  afterEach(() => testCall?.close());

  replay('chat', async () => {
    const response = await generate(fixtures, 'chat');
    const received = mock.received[0]!;
    expect(received.path).toBe('/openai/deployments/gpt-5-nano/chat/completions?api-version=2024-10-21');
    expect(received.headers['api-key']).toBe(apiKey);
    expect(received.headers).not.toHaveProperty('authorization');
    expect(received.json).toEqual({ ...fixtures.json('chat.request.json'), stream: false });
    expect(testCall.warnings).toEqual([]);

    expect(response).toMatchObject({ id: 'chatcmpl-CM9n9OhFOl4lSSFwarLEIMnPrNWSP', model: 'gpt-5-nano-2025-08-07', created: 1759396891 });
    expect(responseText(response)).toMatch(/^Hi there! How can I help today\?/);
    expect(response.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(response.usage).toMatchObject({ input: 8, output: 271, reasoning: 192, cachedInput: 0, total: 279 });
    // Empty verdicts say nothing: only the prompt entry is kept.
    expect(response.providerMetadata?.['azure-openai']).toEqual({ promptFilterResults: [{ content_filter_results: {}, prompt_index: 0 }] });

    await passthrough(fixtures, 'chat', 'json', false);
  });

  replay('chat-content-filter-results', async () => {
    const response = await generate(fixtures, 'chat-content-filter-results', { apiVersion: '2024-12-01-preview' });
    expect(mock.received[0]!.path).toBe('/openai/deployments/gpt-4o/chat/completions?api-version=2024-12-01-preview');
    expect(mock.received[0]!.json).toEqual(fixtures.json('chat-content-filter-results.request.json'));
    expect(responseText(response)).toBe('The capital of France is **Paris**.');
    expect(response.usage).toMatchObject({ input: 14, output: 9, total: 23 });
    const filters = response.providerMetadata?.['azure-openai'] as Record<string, any>;
    expect(filters.contentFilterResults).toMatchObject({ hate: { filtered: false, severity: 'safe' }, protected_material_code: { detected: false, filtered: false } });
    expect(filters.promptFilterResults[0].content_filter_results.jailbreak).toEqual({ detected: false, filtered: false });
    // An OpenAI client gets the annotations back in place.
    const encoded = formats.openAIChatCodec.encodeResponse(response) as Record<string, any>;
    expect(encoded.prompt_filter_results).toEqual(fixtures.json('chat-content-filter-results.json').prompt_filter_results);
    expect(encoded.choices[0].content_filter_results).toEqual(fixtures.json('chat-content-filter-results.json').choices[0].content_filter_results);
  });

  replay('chat-stream-model-router', async () => {
    const events = await stream(fixtures, 'chat-stream-model-router');
    expect(mock.received[0]!.json).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    // The leading prompt-filter chunk (empty id, no choices) is not the start: the first chunk with an id is.
    expect(events[0]).toMatchObject({ type: 'start', id: 'chatcmpl-CYPS1lijGoK8gd9lYzY3r9Sx50nbt', model: 'gpt-5-nano-2025-08-07', created: 1762317021 });
    expect(events.filter((event) => event.type === 'start')).toHaveLength(1);
    expect((events[0] as any).providerMetadata['azure-openai'].promptFilterResults[0].content_filter_results.jailbreak).toEqual({ filtered: false, detected: false });
    expect(streamedText(events)).toBe('Capital of Denmark.');
    const finish = finishEvent(events)!;
    expect(finish.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect((finish.providerMetadata?.['azure-openai'] as any).contentFilterResults.hate).toEqual({ filtered: false, severity: 'safe' });
    expect(events.at(-1)).toMatchObject({ type: 'usage', usage: { input: 15, output: 78, reasoning: 64, total: 93 } });
    expect(events.some((event) => event.type === 'error')).toBe(false);

    // Passthrough sends Azure's bytes as they came, the leading chunk included.
    const forwarded = await passthrough(fixtures, 'chat-stream-model-router', 'sse', true);
    expect(forwarded.startsWith('data: {"choices":[],"created":0,"id":""')).toBe(true);
  });

  replay('error-400-content-filter', async () => {
    const error = await catchUpstreamError(() => generate(fixtures, 'error-400-content-filter'));
    expect(error).toMatchObject({ kind: 'invalid_request', status: 400, code: 'content_filter', provider: 'azure-openai', retryable: false });
    expect(error.message).toMatch(/content management policy/);
    expect((error.body as any).error.innererror).toMatchObject({ code: 'ResponsibleAIPolicyViolation', content_filter_result: { hate: { filtered: true, severity: 'medium' } } });

    mock.replayNext(recordedAnswer(fixtures, 'error-400-content-filter'));
    const streamed = await catchUpstreamError(() => adapter.chat!.stream(recordedRequest(fixtures, 'error-400-content-filter', true), context()));
    expect(streamed).toMatchObject({ kind: 'invalid_request', status: 400, code: 'content_filter' });
  });

  // ---- Responses API recordings: decode checks through the formats package's Responses codec ----

  replayResponses('responses-content-filters', (codec) => {
    const response = codec.decodeResponse(fixtures.json('responses-content-filters.json'));
    expect(response.id).toBe('resp_036b62cf8c9abbe6006a6771240b088193b20bf84ec3e66e67');
    expect(responseText(response)).toBe('Paris');
    expect(response.usage).toMatchObject({ input: 18, output: 5, total: 23 });
  });

  replayResponses('responses-tool-call', (codec) => {
    const response = codec.decodeResponse(fixtures.json('responses-tool-call.json'));
    expect(response.content.filter((part) => part.type === 'tool-call')).toEqual([
      expect.objectContaining({ id: 'call_YunNGbIwdVJ2i0y0Mybva4Pw', name: 'weather', arguments: '{"location":"San Francisco"}' }),
    ]);
    expect(response.usage).toMatchObject({ input: 45, output: 24, total: 69 });
  });

  replayResponses('responses-text-stream', (codec) => {
    const parser = createSseParser();
    const decoder = codec.createStreamDecoder();
    const events: StreamEvent[] = [];
    for (const frame of [...parser.push(fixtures.bytes('responses-text-stream.sse')), ...parser.end()]) events.push(...decoder.decode(frame));
    events.push(...decoder.end());
    expect(events[0]).toMatchObject({ type: 'start', id: 'resp_02ce8deeb6197db200698c5196e9588197a572bbea62d38cd1' });
    expect(streamedText(events)).toBe('Hello');
    expect(events.some((event) => event.type === 'error')).toBe(false);
    const usage = events.flatMap((event) => (event.type === 'finish' && event.usage ? [event.usage] : event.type === 'usage' ? [event.usage] : []));
    expect(usage.at(-1)).toMatchObject({ input: 11, output: 11, total: 22 });
  });

  it('covers every recorded case', () => {
    expect([...suite.covered].sort()).toEqual(fixtures.cases());
  });
});
