import type { ChatRequest, ChatResponse, StreamEvent } from '@switchyard/core';
import { decodeAnthropicMessagesRequest } from '@switchyard/formats';
import {
  anthropicFaultBody,
  catchUpstreamError,
  collectStreamEvents,
  createTestCallContext,
  finishEvent,
  recordedAnswer,
  replaySuite,
  responseText,
  responseToolCalls,
  startAnthropicMock,
  streamedReasoning,
  streamedText,
  type AnthropicMock,
  type ProviderFixtures,
  type TestCallContext,
} from '@switchyard/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from '../src/index.js';

// Every recorded Anthropic exchange in the shared fixtures, replayed by the testkit mock so the
// adapter's real path runs: request encoding, the HTTP client, SSE parsing, the codec.
const suite = replaySuite('anthropic');

const adapter = createAnthropicProvider();
const apiKey = 'sk-ant-replay';
let mock: AnthropicMock;
let testCall: TestCallContext;
const context = () => testCall.context;

/** The canonical request a recording's request body decodes to (the wire body it should produce again). */
function recordedRequest(fixtures: ProviderFixtures, name: string, stream: boolean): ChatRequest {
  if (!fixtures.has(`${name}.request.json`)) {
    return { model: 'claude-sonnet-4-5', maxOutputTokens: 1024, stream, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] };
  }
  const { request } = decodeAnthropicMessagesRequest({ max_tokens: 4096, ...fixtures.json<Record<string, unknown>>(`${name}.request.json`) });
  return { ...request, stream };
}

/** The body the adapter must send for a recording's request: the recorded one, strings as text blocks. */
function expectedBody(fixtures: ProviderFixtures, name: string, stream: boolean): Record<string, any> {
  const recorded = { max_tokens: 4096, ...fixtures.json(`${name}.request.json`), stream };
  const blocks = (content: unknown) => (typeof content === 'string' ? [{ type: 'text', text: content }] : content);
  const body: Record<string, any> = { ...recorded, messages: recorded.messages.map((message: any) => ({ ...message, content: blocks(message.content) })) };
  if (recorded.system !== undefined) body.system = blocks(recorded.system);
  return body;
}

async function generate(fixtures: ProviderFixtures, name: string): Promise<ChatResponse> {
  mock.replayNext(recordedAnswer(fixtures, name));
  const response = await adapter.chat!.generate(recordedRequest(fixtures, name, false), context());
  checkReceived(fixtures, name, false);
  return response;
}

async function stream(fixtures: ProviderFixtures, name: string): Promise<StreamEvent[]> {
  mock.replayNext(recordedAnswer(fixtures, name, { chunkSize: 29 }));
  const started = await adapter.chat!.stream(recordedRequest(fixtures, name, true), context());
  const events = await collectStreamEvents(started.events);
  checkReceived(fixtures, name, true);
  return events;
}

function checkReceived(fixtures: ProviderFixtures, name: string, streamed: boolean): void {
  const received = mock.received.at(-1)!;
  expect(received.method).toBe('POST');
  expect(received.path).toBe('/v1/messages');
  expect(received.headers['x-api-key']).toBe(apiKey);
  expect(received.headers['anthropic-version']).toBe('2023-06-01');
  expect(received.headers.accept).toBe(streamed ? 'text/event-stream' : 'application/json');
  if (fixtures.has(`${name}.request.json`)) expect(received.json).toEqual(expectedBody(fixtures, name, streamed));
  // A recorded Messages request crosses canonical without loss.
  expect(testCall.warnings).toEqual([]);
}

describe.skipIf(!suite.found)('Anthropic recordings replayed through the adapter', () => {
  const { fixtures } = suite;
  const replay = (name: string, run: () => Promise<void>) => it(suite.cover(name), run);

  beforeAll(async () => {
    mock = await startAnthropicMock({ apiKey });
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(() => {
    mock?.reset();
    testCall = createTestCallContext({ settings: { apiKey, baseURL: mock.baseURL } });
  });
  afterEach(() => testCall?.close());

  // ---- answers -------------------------------------------------------------------------

  replay('text', async () => {
    const response = await generate(fixtures, 'text');
    expect(response).toMatchObject({ id: 'msg_01VdEjxAP5ahtHKrrRdNBteQ', model: 'claude-sonnet-4-5-20250929', serviceTier: 'standard' });
    expect(responseText(response)).toBe('Hello! I\'m doing well, thanks for asking. How are you doing today? Is there anything I can help you with?');
    expect(response.finishReason).toEqual({ unified: 'stop', raw: 'end_turn' });
    expect(response.usage).toMatchObject({ input: 12, output: 29, cachedInput: 0, cacheWrite: 0, total: 41 });
  });

  replay('image-input-url', async () => {
    const response = await generate(fixtures, 'image-input-url');
    expect(mock.received[0]!.json.messages[0].content[1]).toEqual({
      type: 'image',
      source: { type: 'url', url: 'https://t3.ftcdn.net/jpg/00/85/79/92/360_F_85799278_0BBGV9OAdQDTLnKwAPBCcg1J7QtiieJY.jpg' },
    });
    expect(response.id).toBe('msg_01TQMY6yjmVxHiAh8qEdausZ');
    expect(responseText(response)).toMatch(/^This is a potato\./);
    expect(response.usage).toMatchObject({ input: 296, output: 91, total: 387 });
  });

  replay('redacted-thinking', async () => {
    const response = await generate(fixtures, 'redacted-thinking');
    expect(mock.received[0]!.json.thinking).toEqual({ budget_tokens: 1024, type: 'enabled' });
    expect(response.content[0]).toMatchObject({ type: 'reasoning', text: '', provider: 'anthropic', redactedData: expect.stringMatching(/^EvgFCkYIBxgCKkBmxKtC/) });
    expect(responseText(response)).toMatch(/^I notice that your message appears to contain a command/);
    expect(response.usage).toMatchObject({ input: 92, output: 196 });
  });

  replay('structured-output-format', async () => {
    const response = await generate(fixtures, 'structured-output-format');
    expect(JSON.parse(responseText(response)).recipe.name).toBe('Classic Lasagna');
    expect(response).toMatchObject({ id: 'msg_015rVfxqGkwrrRARo3Uv3C9K', finishReason: { unified: 'stop', raw: 'end_turn' } });
    expect(response.usage).toMatchObject({ input: 371, output: 629, total: 1000 });
  });

  replay('structured-output-strict', async () => {
    const response = await generate(fixtures, 'structured-output-strict');
    // output_config.format, the GA spelling: no beta header needed.
    expect(mock.received[0]!.json.output_config.format.type).toBe('json_schema');
    expect(mock.received[0]!.headers).not.toHaveProperty('anthropic-beta');
    expect(JSON.parse(responseText(response))).toEqual({ amount: 12.34 });
    expect(response.usage).toMatchObject({ input: 222, output: 10 });
    expect(response.providerMetadata).toEqual({ 'anthropic-messages': { response: { stop_details: null } } });
  });

  replay('thinking', async () => {
    const response = await generate(fixtures, 'thinking');
    expect(response.content[0]).toMatchObject({
      type: 'reasoning',
      provider: 'anthropic',
      text: expect.stringMatching(/^This is a straightforward question about pedestrian safety/),
      signature: expect.stringMatching(/^Eq8CCkYICxgCKkDdadQO/),
    });
    expect(responseText(response)).toMatch(/^Here's how to cross the street safely/);
    expect(response.usage).toMatchObject({ input: 43, output: 321 });
  });

  replay('thinking-with-tool-use', async () => {
    const response = await generate(fixtures, 'thinking-with-tool-use');
    expect(mock.received[0]!.json.tools).toEqual([
      { description: '', input_schema: { additionalProperties: false, properties: {}, type: 'object' }, name: 'get_user_country' },
    ]);
    expect(response.content.map((part) => part.type)).toEqual(['reasoning', 'text', 'tool-call']);
    expect(response.content[0]).toMatchObject({ signature: expect.stringMatching(/^EqEECkYICxgCKkAo3UA4/) });
    expect(responseToolCalls(response)).toEqual([{ type: 'tool-call', id: 'toolu_01YGzqpRE16Vricda3Aqcejo', name: 'get_user_country', arguments: '{}' }]);
    expect(response.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_use' });
    expect(response.usage).toMatchObject({ input: 398, output: 155 });
  });

  replay('tool-use-no-args', async () => {
    const response = await generate(fixtures, 'tool-use-no-args');
    expect(responseToolCalls(response)).toEqual([{ type: 'tool-call', id: 'toolu_01LRmxn9vGM1d2DZSDBowdZ1', name: 'updateIssueList', arguments: '{}' }]);
    expect(responseText(response)).toMatch(/^<thinking>/);
    expect(response).toMatchObject({ model: 'claude-3-opus-20240229', finishReason: { unified: 'tool-calls', raw: 'tool_use' } });
    expect(response.usage).toMatchObject({ input: 602, output: 93 });
  });

  replay('tool-use-parallel', async () => {
    const response = await generate(fixtures, 'tool-use-parallel');
    expect(mock.received[0]!.json.system).toEqual([{ type: 'text', text: expect.stringContaining('retrieve_entity_info') }]);
    expect(mock.received[0]!.json.tool_choice).toEqual({ type: 'auto' });
    expect(responseToolCalls(response).map((call) => [call.id, call.name, JSON.parse(call.arguments).name])).toEqual([
      ['toolu_0167cfEnoQaPviGdVXA95zcu', 'retrieve_entity_info', 'Alice'],
      ['toolu_01EEe2V5HD1Ac4rKiUR4HD2T', 'retrieve_entity_info', 'Bob'],
      ['toolu_01XFyAjstT3966qvRynZyVPo', 'retrieve_entity_info', 'Charlie'],
      ['toolu_013mnQZbgtK2oe3Mo3XKJsx3', 'retrieve_entity_info', 'Daisy'],
    ]);
    expect(response.usage).toMatchObject({ input: 423, output: 202 });
  });

  replay('usage-cache-read-write', async () => {
    const response = await generate(fixtures, 'usage-cache-read-write');
    // The top-level cache_control (automatic caching) travels verbatim.
    expect(mock.received[0]!.json.cache_control).toEqual({ ttl: '5m', type: 'ephemeral' });
    expect(response.usage).toMatchObject({ input: 1532, output: 33, cachedInput: 1111, cacheWrite: 418, total: 1565 });
    expect((response.usage!.raw as any).cache_creation).toEqual({ ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 418 });
  });

  // ---- streams -------------------------------------------------------------------------

  replay('text-stream', async () => {
    const events = await stream(fixtures, 'text-stream');
    expect(events[0]).toMatchObject({ type: 'start', id: 'msg_01QC4g3HwBThD4BaNtBckFDJ', model: 'claude-sonnet-4-5-20250929' });
    expect(streamedText(events)).toBe("Hello! I'm doing well, thank you for asking. How are you doing today? Is there anything I can help you with?");
    expect(finishEvent(events)).toMatchObject({ finishReason: { unified: 'stop', raw: 'end_turn' }, usage: { input: 12, output: 30, total: 42 } });
    expect(events.at(-1)!.type).toBe('finish');
  });

  replay('thinking-stream', async () => {
    const events = await stream(fixtures, 'thinking-stream');
    expect(streamedReasoning(events)).toMatch(/^This is a straightforward question about pedestrian safety/);
    const signature = events.find((event) => event.type === 'reasoning-delta' && event.signature);
    expect(signature).toMatchObject({ provider: 'anthropic', signature: expect.stringMatching(/^EvMCCkYICxgCKkCHP2cS/) });
    expect(streamedText(events)).toMatch(/streets\.$/);
    expect(finishEvent(events)).toMatchObject({ finishReason: { unified: 'stop', raw: 'end_turn' }, usage: { input: 43, output: 282 } });
  });

  replay('thinking-stream-docs', async () => {
    const events = await stream(fixtures, 'thinking-stream-docs');
    expect(events[0]).toEqual({ type: 'start', id: 'msg_01...', model: 'claude-sonnet-4-5-20250929' });
    expect(streamedReasoning(events)).toContain('10,800 + 1,350 + 81 = 12,231');
    // The docs truncate the signature; it is carried as given.
    expect(events.find((event) => event.type === 'reasoning-delta' && event.signature)).toMatchObject({
      signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds...',
    });
    expect(streamedText(events)).toBe('27 * 453 = 12,231');
    expect(finishEvent(events)).toEqual({ type: 'finish', finishReason: { unified: 'stop', raw: 'end_turn' } });
  });

  replay('tool-use-no-args-stream', async () => {
    const events = await stream(fixtures, 'tool-use-no-args-stream');
    expect(streamedText(events)).toBe("I'll update the issue list for you.");
    expect(events.filter((event) => event.type.startsWith('tool-call'))).toEqual([
      { type: 'tool-call-start', index: 0, id: 'toolu_01QE1WLsSVp5hy5Q3GmGTmjP', name: 'updateIssueList' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 0 },
    ]);
    expect(finishEvent(events)).toMatchObject({ finishReason: { unified: 'tool-calls', raw: 'tool_use' }, usage: { input: 565, output: 48 } });
  });

  replay('tool-use-stream-docs', async () => {
    const events = await stream(fixtures, 'tool-use-stream-docs');
    expect(events.find((event) => event.type === 'tool-call-start')).toEqual({
      type: 'tool-call-start',
      index: 0,
      id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6',
      name: 'get_weather',
    });
    const args = events.flatMap((event) => (event.type === 'tool-call-delta' ? [event.argumentsDelta] : [])).join('');
    expect(JSON.parse(args)).toEqual({ location: 'San Francisco, CA', unit: 'fahrenheit' });
    expect(streamedText(events)).toBe("Okay, let's check the weather for San Francisco, CA:");
    expect(finishEvent(events)).toMatchObject({ finishReason: { unified: 'tool-calls', raw: 'tool_use' }, usage: { input: 472, output: 89 } });
  });

  replay('stream-error-event-docs', async () => {
    const events = await stream(fixtures, 'stream-error-event-docs');
    expect(events).toEqual([
      { type: 'error', error: { kind: 'overloaded', status: 529, message: 'Overloaded', code: 'overloaded_error', provider: 'anthropic' } },
    ]);
  });

  // ---- errors --------------------------------------------------------------------------

  replay('error-400-invalid-request', async () => {
    mock.replayNext(recordedAnswer(fixtures, 'error-400-invalid-request'));
    const error = await catchUpstreamError(() => adapter.chat!.generate(recordedRequest(fixtures, 'error-400-invalid-request', false), context()));
    // effort 'xhigh' has no Messages twin in canonical (low/medium/high), so it travelled verbatim.
    checkReceived(fixtures, 'error-400-invalid-request', false);
    expect(error).toMatchObject({
      kind: 'invalid_request',
      status: 400,
      code: 'invalid_request_error',
      provider: 'anthropic',
      retryable: false,
      message: "This model does not support effort level 'xhigh'. Supported levels: high, low, max, medium.",
    });
    expect(error.headers['request-id']).toBe('req_011Ca7jT9AHpgXgdv8igm4z9');
  });

  replay('error-401-authentication', async () => {
    mock.replayNext(recordedAnswer(fixtures, 'error-401-authentication'));
    const error = await catchUpstreamError(() => adapter.chat!.generate(recordedRequest(fixtures, 'error-401-authentication', false), context()));
    expect(error).toMatchObject({ kind: 'authentication', status: 401, code: 'authentication_error', message: 'invalid x-api-key' });
    expect(error.headers['request-id']).toBe('req_011CaJCR7Pm2Jh2LbWpBH5Y6');
  });

  replay('error-404-not-found', async () => {
    mock.replayNext(recordedAnswer(fixtures, 'error-404-not-found'));
    const error = await catchUpstreamError(() => adapter.chat!.stream(recordedRequest(fixtures, 'error-404-not-found', true), context()));
    expect(error).toMatchObject({ kind: 'not_found', status: 404, code: 'not_found_error', message: 'model: claude-does-not-exist' });
  });

  replay('error-429-rate-limit', async () => {
    // Only the headers were recorded; the body is Anthropic's rate_limit_error shape.
    const recorded = fixtures.json('error-429-rate-limit.headers.json').response;
    mock.replayNext({ status: recorded.status, headers: recorded.headers, body: JSON.stringify(anthropicFaultBody(429)) });
    const error = await catchUpstreamError(() => adapter.chat!.generate(recordedRequest(fixtures, 'error-429-rate-limit', false), context()));
    expect(error).toMatchObject({ kind: 'rate_limit', status: 429, code: 'rate_limit_error', retryable: true });
    expect(error.headers).toMatchObject({ 'request-id': 'req_01T5fCVnYdf9X5ZW6KayReBK', 'anthropic-ratelimit-requests-remaining': '0' });
  });

  replay('error-529-overloaded', async () => {
    mock.replayNext(recordedAnswer(fixtures, 'error-529-overloaded'));
    const error = await catchUpstreamError(() => adapter.chat!.stream(recordedRequest(fixtures, 'error-529-overloaded', true), context()));
    expect(error).toMatchObject({ kind: 'overloaded', status: 529, code: 'overloaded_error', message: 'Overloaded', retryable: true });
  });

  it('covers every recorded case', () => {
    expect([...suite.covered].sort()).toEqual(fixtures.cases());
  });
});
