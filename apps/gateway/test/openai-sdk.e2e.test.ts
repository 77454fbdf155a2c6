import { startOpenAIMock, type OpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// The whole path of issue 2: the official openai SDK -> the gateway's /v1/chat/completions ->
// an OpenAI-speaking upstream (the testkit mock on loopback) -> back, streamed and not.
describe('openai SDK through the gateway to an OpenAI upstream', () => {
  let upstream: OpenAIMock;
  let gateway: TestGateway;
  let client: OpenAI;

  beforeAll(async () => {
    upstream = await startOpenAIMock({ apiKey: 'sk-upstream-secret' });
    gateway = await startTestGateway({
      providers: { 'openai-test': { adapter: 'openai', apiKey: 'sk-upstream-secret', baseURL: `${upstream.url}/v1` } },
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'not-a-provider-key', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });
  beforeEach(() => {
    upstream.reset();
    gateway.records.length = 0;
  });

  it('answers a non-streamed completion, forwarding the bytes with only the model rewritten', async () => {
    const completion = await client.chat.completions.create({
      model: '@openai-test/gpt-4o-mini',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hello gateway' },
      ],
      temperature: 0.2,
    });
    expect(completion.choices[0]!.message.content).toBe('echo: hello gateway');
    expect(completion.object).toBe('chat.completion');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);

    const received = upstream.received[0]!;
    expect(received.path).toBe('/v1/chat/completions');
    expect(received.headers.authorization).toBe('Bearer sk-upstream-secret');
    expect(received.json).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hello gateway' },
      ],
      temperature: 0.2,
    });
    const record = gateway.records[0]!;
    expect(record).toMatchObject({ provider: 'openai-test', passthrough: true, status: 200, modelRequested: '@openai-test/gpt-4o-mini' });
    expect(record.usage?.total).toBe(completion.usage?.total_tokens);
  });

  it('streams a completion with include_usage, every chunk as OpenAI sends it', async () => {
    const stream = await client.chat.completions.create({
      model: '@openai-test/gpt-4o-mini',
      messages: [{ role: 'user', content: 'stream these four words' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | undefined;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('echo: stream these four words');
    expect(chunks).toBeGreaterThan(3);
    expect(usage?.completion_tokens).toBeGreaterThan(0);
    expect(upstream.received[0]!.json).toMatchObject({ stream: true, stream_options: { include_usage: true }, model: 'gpt-4o-mini' });
    expect(gateway.records[0]!.usage?.output).toBe(usage?.completion_tokens);
  });

  it('carries parallel tool calls and the follow-up tool-result turn', async () => {
    const tools: OpenAI.ChatCompletionTool[] = [
      { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
      { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
    ];
    const runner = client.chat.completions.stream({
      model: '@openai-test/gpt-4o',
      messages: [{ role: 'user', content: 'please call tools' }],
      tools,
    });
    const first = await runner.finalChatCompletion();
    const calls = first.choices[0]!.message.tool_calls!;
    expect(first.choices[0]!.finish_reason).toBe('tool_calls');
    expect(calls.map((call) => call.type === 'function' && call.function.name)).toEqual(['get_weather', 'get_time']);

    const followUp = await client.chat.completions.create({
      model: '@openai-test/gpt-4o',
      tools,
      messages: [
        { role: 'user', content: 'please call tools' },
        first.choices[0]!.message,
        ...calls.map((call) => ({ role: 'tool' as const, tool_call_id: call.id, content: `result of ${call.id}` })),
      ],
    });
    expect(followUp.choices[0]!.message.content).toBe(`echo: ${calls.map((call) => `result of ${call.id}`).join(" ")}`);
    const sent = upstream.received[1]!.json as { messages: Array<{ role: string; tool_call_id?: string }> };
    expect(sent.messages.filter((message) => message.role === 'tool').map((message) => message.tool_call_id)).toEqual(calls.map((call) => call.id));
  });

  it('uses the bearer token as the provider key with the header API, and honours a loopback custom host', async () => {
    const completion = await new OpenAI({
      baseURL: `${gateway.url}/v1`,
      apiKey: 'sk-upstream-secret',
      maxRetries: 0,
      defaultHeaders: { 'x-portkey-provider': 'openai', 'x-switchyard-custom-host': `${upstream.url}/v1`, 'x-switchyard-trace-id': 'trace-123' },
    })
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'via headers' }] })
      .withResponse();
    expect(completion.data.choices[0]!.message.content).toBe('echo: via headers');
    expect(completion.response.headers.get('x-switchyard-trace-id')).toBe('trace-123');
    expect(completion.response.headers.get('x-switchyard-provider')).toBe('openai');
    expect(upstream.received[0]!.headers.authorization).toBe('Bearer sk-upstream-secret');
  });

  it('maps upstream errors to OpenAI errors with the upstream status', async () => {
    upstream.failNext({ status: 429, body: { error: { message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded' } } });
    const error = await client.chat.completions
      .create({ model: '@openai-test/gpt-4o', messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.APIError>).message).toContain('Rate limit reached');
  });

  it('ends a stream cut mid-way with an error the SDK raises, never a clean finish', async () => {
    upstream.failNext({ cutAfterEvents: 3 });
    const stream = await client.chat.completions.create({
      model: '@openai-test/gpt-4o',
      messages: [{ role: 'user', content: 'this stream will be cut short' }],
      stream: true,
    });
    let text = '';
    const outcome = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((caught: unknown) => caught);
    expect(outcome).toBeInstanceOf(Error);
    expect(text.length).toBeLessThan('echo: this stream will be cut short'.length);
  });

  it('aborts the upstream request when the client goes away mid-stream', async () => {
    // The upstream sends its headers and then nothing: the gateway holds the client's answer
    // until the first chunk (so it could still fall back), and the client gives up waiting.
    upstream.failNext({ stallAfterHeaders: true });
    const controller = new AbortController();
    const request = fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: '@openai-test/gpt-4o', stream: true, messages: [{ role: 'user', content: 'stall' }] }),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    await upstream.waitForRequests(1);
    controller.abort();
    expect(await request).toBeInstanceOf(Error);
    await upstream.waitForClientClose();
    expect(upstream.received[0]!.aborted).toBe(true);
  });

  it('aborts the upstream request when the client goes away after the stream started', async () => {
    const slow = await startOpenAIMock({ streamDelayMs: 200 });
    const slowGateway = await startTestGateway({ providers: { slow: { adapter: 'openai', apiKey: 'k', baseURL: `${slow.url}/v1` } } });
    try {
      const controller = new AbortController();
      const response = await fetch(`${slowGateway.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: '@slow/gpt-4o', stream: true, messages: [{ role: 'user', content: 'a long answer of many words' }] }),
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      await reader.read();
      controller.abort();
      await slow.waitForClientClose();
      expect(slow.received[0]!.aborted).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(slowGateway.records[0]).toMatchObject({ incomplete: true });
    } finally {
      await slowGateway.close();
      await slow.close();
    }
  });
});
