import Anthropic from '@anthropic-ai/sdk';
import { type AnthropicMock, type OpenAIMock, startAnthropicMock, startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestGateway, startTestGateway } from './start-test-gateway.js';

// The exact-match response cache through the real gateway: the official SDKs of all three
// formats, testkit mocks upstream (which record every request they received).
const cached = { cache: { mode: 'simple', max_age: 60 } };
const keyA = 'gateway-key-tenant-a-0001';
const keyB = 'gateway-key-tenant-b-0002';

let openaiUpstream: OpenAIMock;
let anthropicUpstream: AnthropicMock;
let gateway: TestGateway;

beforeAll(async () => {
  openaiUpstream = await startOpenAIMock({ apiKey: 'sk-openai-upstream' });
  anthropicUpstream = await startAnthropicMock({ apiKey: 'sk-ant-upstream' });
  gateway = await startTestGateway({
    apiKeys: [keyA, keyB],
    providers: {
      gpt: { adapter: 'openai', apiKey: 'sk-openai-upstream', baseURL: openaiUpstream.baseURL, models: { 'gpt-4o-mini': { prices: { input: 0.15, output: 0.6 } } } },
      claude: { adapter: 'anthropic', apiKey: 'sk-ant-upstream', baseURL: `${anthropicUpstream.url}/v1` },
    },
    configs: { cached, short: { cache: { mode: 'simple', max_age: 1 } } },
  });
});
afterAll(async () => {
  await gateway?.close();
  await openaiUpstream?.close();
  await anthropicUpstream?.close();
});
beforeEach(() => {
  openaiUpstream.reset();
  anthropicUpstream.reset();
  gateway.records.length = 0;
});

let unique = 0;
/** A prompt no earlier test sent, so every test starts from an empty cache for it. */
const prompt = (text: string) => `${text} #${++unique}`;

function openai(headers: Record<string, string> = {}, apiKey = keyA) {
  return new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey, maxRetries: 0, defaultHeaders: { 'x-switchyard-config': 'cached', ...headers } });
}
function anthropic(headers: Record<string, string> = {}) {
  return new Anthropic({ baseURL: gateway.url, apiKey: keyA, maxRetries: 0, defaultHeaders: { 'x-switchyard-config': 'cached', ...headers } });
}
const chatUpstreamCalls = () => openaiUpstream.received.filter((request) => request.path === '/v1/chat/completions').length;

async function chat(content: string, client = openai()) {
  const { data, response } = await client.chat.completions.create({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'user', content }] }).withResponse();
  return { data, status: response.headers.get('x-switchyard-cache-status'), portkeyStatus: response.headers.get('x-portkey-cache-status') };
}

describe('exact cache: Chat Completions', () => {
  it('misses, then serves the same answer from the cache without calling the upstream', async () => {
    const text = prompt('what is a switchyard');
    const first = await chat(text);
    const second = await chat(text);
    expect([first.status, first.portkeyStatus]).toEqual(['MISS', 'MISS']);
    expect([second.status, second.portkeyStatus]).toEqual(['HIT', 'HIT']);
    expect(chatUpstreamCalls()).toBe(1);
    expect(second.data.choices[0]!.message.content).toBe(`echo: ${text}`);
    expect(second.data.id).toBe(first.data.id);
    expect(second.data.usage).toEqual(first.data.usage);
    expect(gateway.records.map((record) => record.cacheStatus)).toEqual(['MISS', 'HIT']);
    const saved = first.data.usage!.prompt_tokens + first.data.usage!.completion_tokens;
    expect(gateway.records[1]).toMatchObject({ cacheSavedTokens: saved });
    expect(gateway.records[1]!.cacheSavedCostUsd).toBeCloseTo((first.data.usage!.prompt_tokens * 0.15 + first.data.usage!.completion_tokens * 0.6) / 1e6, 12);
  });

  it('keys on what the provider receives: a different param misses, a different user or stream flag hits', async () => {
    const text = prompt('answer-changing params');
    const client = openai();
    await client.chat.completions.create({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'user', content: text }], temperature: 0 });
    const sameButUser = await client.chat.completions.create({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'user', content: text }], temperature: 0, user: 'someone-else' }).withResponse();
    const otherTemperature = await client.chat.completions.create({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'user', content: text }], temperature: 1 }).withResponse();
    expect(sameButUser.response.headers.get('x-switchyard-cache-status')).toBe('HIT');
    expect(otherTemperature.response.headers.get('x-switchyard-cache-status')).toBe('MISS');
    expect(chatUpstreamCalls()).toBe(2);
    expect(openaiUpstream.received.map((request) => request.json?.temperature)).toEqual([0, 1]);
  });

  it('replays a hit as a stream that the SDK’s ChatCompletionStream accumulates', async () => {
    const text = prompt('stream me from the cache');
    const first = await chat(text);
    const stream = openai().chat.completions.stream({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'user', content: text }], stream_options: { include_usage: true } });
    let deltas = '';
    stream.on('content', (delta) => (deltas += delta));
    const final = await stream.finalChatCompletion();
    expect(deltas).toBe(`echo: ${text}`);
    expect(final.choices[0]!.message.content).toBe(`echo: ${text}`);
    expect(final.choices[0]!.finish_reason).toBe('stop');
    expect(final.usage).toEqual(first.data.usage);
    expect(chatUpstreamCalls()).toBe(1);
    expect(gateway.records.map((record) => record.cacheStatus)).toEqual(['MISS', 'HIT']);
  });

  it('stores a streamed answer once it finished, then serves it to a non-streaming client', async () => {
    const text = prompt('streamed miss first');
    const streamed = await openai().chat.completions.stream({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'user', content: text }] }).finalChatCompletion();
    const second = await chat(text);
    expect(second.status).toBe('HIT');
    expect(second.data.choices[0]!.message.content).toBe(streamed.choices[0]!.message.content);
    expect(chatUpstreamCalls()).toBe(1);
  });

  it('keeps tenants apart: another gateway key never gets the first one’s entry', async () => {
    const text = prompt('tenant isolation');
    expect((await chat(text, openai({}, keyA))).status).toBe('MISS');
    expect((await chat(text, openai({}, keyB))).status).toBe('MISS');
    expect((await chat(text, openai({}, keyB))).status).toBe('HIT');
    expect((await chat(text, openai({}, keyA))).status).toBe('HIT');
    expect(chatUpstreamCalls()).toBe(2);
  });

  it('expires entries after max_age seconds', async () => {
    const text = prompt('short lived');
    const client = openai({ 'x-switchyard-config': 'short' });
    expect((await chat(text, client)).status).toBe('MISS');
    expect((await chat(text, client)).status).toBe('HIT');
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect((await chat(text, client)).status).toBe('MISS');
    expect(chatUpstreamCalls()).toBe(2);
  });

  it('force refresh (ours, Portkey’s, Cache-Control: no-cache) calls the upstream and stores the fresh answer', async () => {
    const text = prompt('refresh me');
    const first = await chat(text);
    const refreshed = await chat(text, openai({ 'x-switchyard-cache-force-refresh': 'true' }));
    const portkeyRefreshed = await chat(text, openai({ 'x-portkey-cache-force-refresh': 'true' }));
    const noCache = await chat(text, openai({ 'cache-control': 'no-cache' }));
    const after = await chat(text);
    expect([refreshed.status, portkeyRefreshed.status, noCache.status, after.status]).toEqual(['REFRESH', 'REFRESH', 'REFRESH', 'HIT']);
    expect(chatUpstreamCalls()).toBe(4);
    // The hit is the last refreshed answer (each upstream answer has its own id).
    expect(after.data.id).toBe(noCache.data.id);
    expect(noCache.data.id).not.toBe(first.data.id);
  });

  it('Cache-Control: no-store neither reads nor writes', async () => {
    const text = prompt('do not keep');
    await chat(text);
    const skipped = await chat(text, openai({ 'cache-control': 'no-store' }));
    expect(skipped.status).toBe('DISABLED');
    const fresh = prompt('never stored');
    expect((await chat(fresh, openai({ 'cache-control': 'no-store' }))).status).toBe('DISABLED');
    expect((await chat(fresh)).status).toBe('MISS');
    expect(chatUpstreamCalls()).toBe(4);
  });

  it('turns on per request with x-switchyard-cache, without any config', async () => {
    const text = prompt('per request');
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: keyA, maxRetries: 0, defaultHeaders: { 'x-switchyard-cache': 'simple' } });
    const plain = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: keyA, maxRetries: 0 });
    const uncached = await plain.chat.completions.create({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'user', content: text }] }).withResponse();
    expect(uncached.response.headers.get('x-switchyard-cache-status')).toBeNull();
    expect((await chat(text, client)).status).toBe('MISS');
    expect((await chat(text, client)).status).toBe('HIT');
  });

  it('never stores a failed answer', async () => {
    const text = prompt('fails first');
    openaiUpstream.failNext({ status: 500 });
    const failed = await openai().chat.completions.create({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'user', content: text }] }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(OpenAI.APIError);
    expect((await chat(text)).status).toBe('MISS');
    expect((await chat(text)).status).toBe('HIT');
    expect(chatUpstreamCalls()).toBe(2);
  });

  it('never stores a stream cut mid-way', async () => {
    const text = prompt('cut stream');
    openaiUpstream.failNext({ cutAfterEvents: 2 });
    const cut = await openai().chat.completions.stream({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'user', content: text }] }).finalChatCompletion().catch((error: unknown) => error);
    expect(cut).toBeInstanceOf(Error);
    expect(gateway.records[0]).toMatchObject({ cacheStatus: 'MISS', incomplete: true });
    const next = await chat(text);
    expect(next.status).toBe('MISS');
    expect(next.data.choices[0]!.message.content).toBe(`echo: ${text}`);
    expect(chatUpstreamCalls()).toBe(2);
  });

  it('answers a bad cache setting with a 400 naming the field', async () => {
    const error = await chat(prompt('bad'), openai({ 'x-switchyard-cache': 'always' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).message).toContain('x-switchyard-cache');
    expect(chatUpstreamCalls()).toBe(0);
  });

  it('answers semantic mode on a gateway without cache.semantic with a 400 naming the config field', async () => {
    const error = await chat(prompt('semantic unavailable'), openai({ 'x-switchyard-cache': 'semantic' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as Error).message).toContain('cache.semantic');
    expect(chatUpstreamCalls()).toBe(0);
  });
});

describe('exact cache: Responses', () => {
  it('misses then hits, and replays a streamed hit that ResponseStream accumulates', async () => {
    const text = prompt('responses api');
    const client = openai();
    const first = await client.responses.create({ model: '@gpt/gpt-4o-mini', input: text, store: false }).withResponse();
    const second = await client.responses.create({ model: '@gpt/gpt-4o-mini', input: text, store: false }).withResponse();
    expect(first.response.headers.get('x-switchyard-cache-status')).toBe('MISS');
    expect(second.response.headers.get('x-switchyard-cache-status')).toBe('HIT');
    expect(second.data.output_text).toBe(`echo: ${text}`);
    expect(second.data.output_text).toBe(first.data.output_text);
    const streamed = await client.responses.stream({ model: '@gpt/gpt-4o-mini', input: text, store: false }).finalResponse();
    expect(streamed.output_text).toBe(`echo: ${text}`);
    expect(streamed.status).toBe('completed');
    expect(streamed.usage?.output_tokens).toBe(first.data.usage?.output_tokens);
    expect(chatUpstreamCalls()).toBe(1);
    expect(gateway.records.map((record) => record.cacheStatus)).toEqual(['MISS', 'HIT', 'HIT']);
  });
});

describe('exact cache: Responses with stored state', () => {
  it('serves a hit for a stored response and a conversation continues from it', async () => {
    const text = prompt('stored responses');
    const client = openai();
    const first = await client.responses.create({ model: '@gpt/gpt-4o-mini', input: text });
    const hit = await client.responses.create({ model: '@gpt/gpt-4o-mini', input: text }).withResponse();
    expect(hit.response.headers.get('x-switchyard-cache-status')).toBe('HIT');
    expect(hit.data.output_text).toBe(first.output_text);
    const next = await client.responses.create({ model: '@gpt/gpt-4o-mini', input: 'and then?', previous_response_id: hit.data.id });
    expect(next.output_text).toBe('echo: and then?');
    // The follow-up carried the cached turn as history upstream.
    const followUp = openaiUpstream.received.at(-1)!.json as { messages: Array<{ role: string; content: unknown }> };
    expect(followUp.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
    expect(chatUpstreamCalls()).toBe(2);
  });
});

describe('exact cache: Messages', () => {
  const messagesUpstreamCalls = () => anthropicUpstream.received.filter((request) => request.path === '/v1/messages').length;

  it('misses then hits against Anthropic, and replays a streamed hit that MessageStream accumulates', async () => {
    const text = prompt('messages api');
    const client = anthropic();
    const first = await client.messages.create({ model: '@claude/claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: text }] }).withResponse();
    const second = await client.messages.create({ model: '@claude/claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: text }] }).withResponse();
    expect(first.response.headers.get('x-switchyard-cache-status')).toBe('MISS');
    expect(second.response.headers.get('x-switchyard-cache-status')).toBe('HIT');
    expect(second.data.content).toEqual(first.data.content);
    expect(second.data.id).toBe(first.data.id);
    const stream = client.messages.stream({ model: '@claude/claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: text }] });
    let deltas = '';
    stream.on('text', (delta) => (deltas += delta));
    const final = await stream.finalMessage();
    expect(deltas).toBe(`echo: ${text}`);
    expect(final.content).toEqual([expect.objectContaining({ type: 'text', text: `echo: ${text}` })]);
    expect(final.stop_reason).toBe('end_turn');
    expect(final.usage.output_tokens).toBe(first.data.usage.output_tokens);
    expect(messagesUpstreamCalls()).toBe(1);
  });

  it('stores a streamed Messages answer and serves it again as a stream', async () => {
    const text = prompt('messages stream twice');
    const client = anthropic();
    const first = await client.messages.stream({ model: '@claude/claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: text }] }).finalMessage();
    const second = await client.messages.stream({ model: '@claude/claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: text }] }).finalMessage();
    expect(second.content).toEqual(first.content);
    expect(messagesUpstreamCalls()).toBe(1);
    expect(gateway.records.map((record) => record.cacheStatus)).toEqual(['MISS', 'HIT']);
  });
});
