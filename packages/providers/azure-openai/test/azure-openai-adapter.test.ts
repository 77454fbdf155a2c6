import { UpstreamError, type ChatRequest } from '@switchyard/core';
import { collectStreamEvents, createTestCallContext, startAzureOpenAIMock, type AzureOpenAIMock, type TestCallContext } from '@switchyard/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAzureOpenAIProvider } from '../src/index.js';

// The translated path (a client that does not speak Chat Completions), at the adapter's level:
// canonical request -> Azure mock -> canonical answer and events.
const adapter = createAzureOpenAIProvider();
const apiKey = 'azure-adapter-key';
let mock: AzureOpenAIMock;
let testCall: TestCallContext;

/** This test's call context, with the given adapter options and client request headers. */
function context(options: Record<string, unknown> = {}, requestHeaders: Record<string, string> = {}) {
  return { ...testCall.context, settings: { apiKey, baseURL: mock.baseURL, options }, requestHeaders };
}

const request = (text: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'gpt-4o',
  stream: false,
  messages: [{ role: 'user', content: [{ type: 'text', text }] }],
  ...extra,
});

beforeAll(async () => {
  mock = await startAzureOpenAIMock({ apiKey });
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.reset();
  testCall = createTestCallContext({ settings: { apiKey, baseURL: mock.baseURL } });
});
afterEach(() => testCall.close());

describe('Azure OpenAI adapter, translated path', () => {
  it('answers with Azure’s filter verdicts in providerMetadata', async () => {
    const response = await adapter.chat!.generate(request('hello there'), context());
    expect(response.content).toEqual([{ type: 'text', text: 'echo: hello there' }]);
    expect(response.providerMetadata?.['azure-openai']).toMatchObject({
      promptFilterResults: [expect.objectContaining({ prompt_index: 0 })],
      contentFilterResults: expect.objectContaining({ hate: { filtered: false, severity: 'safe' } }),
    });
    expect(mock.received[0]!.path).toBe('/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21');
  });

  it('streams: the leading prompt-filter chunk makes no start; the start is the first chunk with an id', async () => {
    const started = await adapter.chat!.stream(request('stream this', { stream: true }), context());
    const events = await collectStreamEvents(started.events);
    expect(events.map((event) => event.type)).toEqual(['start', 'text-delta', 'text-delta', 'text-delta', 'finish', 'usage']);
    expect(events[0]).toMatchObject({ id: expect.stringMatching(/^chatcmpl-azuremock/), model: 'gpt-4o', providerMetadata: { 'azure-openai': { promptFilterResults: expect.any(Array) } } });
    expect(events[4]).toMatchObject({ finishReason: { unified: 'stop', raw: 'stop' }, providerMetadata: { 'azure-openai': { contentFilterResults: expect.any(Object) } } });
    expect(events[5]).toMatchObject({ usage: { input: 2, output: 3, total: 5 } });
    expect(started.headers).toMatchObject({ 'apim-request-id': expect.any(String), 'x-ms-region': 'Mock Region' });
    expect(mock.received[0]!.json.stream_options).toEqual({ include_usage: true });
  });

  it('streams parallel tool calls with their indexes', async () => {
    const tools = [
      { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
      { name: 'get_time', parameters: { type: 'object', properties: {} } },
    ];
    const started = await adapter.chat!.stream(request('please call tools', { stream: true, tools }), context());
    const events = await collectStreamEvents(started.events);
    expect(events.filter((event) => event.type === 'tool-call-start')).toEqual([
      { type: 'tool-call-start', index: 0, id: 'call_0', name: 'get_weather' },
      { type: 'tool-call-start', index: 1, id: 'call_1', name: 'get_time' },
    ]);
    const args = (index: number) => events.flatMap((event) => (event.type === 'tool-call-delta' && event.index === index ? [event.argumentsDelta] : [])).join('');
    expect(args(0)).toBe('{"city":"city"}');
    expect(args(1)).toBe('{}');
    expect(events.find((event) => event.type === 'finish')).toMatchObject({ finishReason: { unified: 'tool-calls' } });
  });

  it('names the deployment in model on the v1 API', async () => {
    await adapter.chat!.generate(request('v1'), context({ apiVersion: 'v1', deploymentId: 'prod-gpt4o' }));
    expect(mock.received[0]!.path).toBe('/openai/v1/chat/completions');
    expect(mock.received[0]!.json.model).toBe('prod-gpt4o');
  });

  it('rejects before any event when Azure refuses, so the router can fall back', async () => {
    const refused = await adapter.chat!.stream(request('please trigger the content filter', { stream: true }), context()).catch((caught: unknown) => caught);
    expect(UpstreamError.isInstance(refused)).toBe(true);
    expect(refused).toMatchObject({ kind: 'invalid_request', status: 400, code: 'content_filter' });
  });

  it('ends in an error event on a mid-stream error chunk and on a cut connection', async () => {
    mock.streamErrorNext({ afterChunks: 3 });
    const failed = await collectStreamEvents((await adapter.chat!.stream(request('fail halfway', { stream: true }), context())).events);
    expect(failed.at(-1)).toMatchObject({ type: 'error', error: { provider: 'azure-openai', code: 'InternalServerError' } });
    expect(failed.some((event) => event.type === 'finish')).toBe(false);

    mock.failNext({ cutAfterEvents: 3 });
    const cut = await collectStreamEvents((await adapter.chat!.stream(request('cut me short please', { stream: true }), context())).events);
    expect(cut.at(-1)).toMatchObject({ type: 'error', error: { kind: 'upstream', provider: 'azure-openai' } });
  });
});
