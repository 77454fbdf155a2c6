import Anthropic from '@anthropic-ai/sdk';
import { type AnthropicMock, type OpenAIMock, startAnthropicMock, startOpenAIMock } from '@switchyard/testkit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// The Messages front: the official @anthropic-ai/sdk, base URL pointed at the gateway, against
// Anthropic (bytes through), OpenAI (translated) and the built-in mock (translated).
describe('@anthropic-ai/sdk through the gateway', () => {
  let anthropicUpstream: AnthropicMock;
  let openaiUpstream: OpenAIMock;
  let gateway: TestGateway;
  let client: Anthropic;

  beforeAll(async () => {
    anthropicUpstream = await startAnthropicMock({ apiKey: 'sk-ant-upstream' });
    openaiUpstream = await startOpenAIMock({ apiKey: 'sk-openai-upstream' });
    gateway = await startTestGateway({
      providers: {
        claude: { adapter: 'anthropic', apiKey: 'sk-ant-upstream', baseURL: `${anthropicUpstream.url}/v1` },
        gpt: { adapter: 'openai', apiKey: 'sk-openai-upstream', baseURL: `${openaiUpstream.url}/v1` },
      },
    });
    client = new Anthropic({ baseURL: gateway.url, apiKey: 'not-a-provider-key', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await anthropicUpstream?.close();
    await openaiUpstream?.close();
  });
  beforeEach(() => {
    anthropicUpstream.reset();
    openaiUpstream.reset();
    gateway.records.length = 0;
  });

  it('forwards Messages bytes to Anthropic with only the model rewritten, and reads usage', async () => {
    const message = await client.messages.create({
      model: '@claude/claude-sonnet-4-5',
      max_tokens: 200,
      system: 'be brief',
      messages: [{ role: 'user', content: 'hello claude' }],
    });
    expect(message.content).toEqual([expect.objectContaining({ type: 'text', text: 'echo: hello claude' })]);
    const received = anthropicUpstream.received[0]!;
    expect(received.path).toBe('/v1/messages');
    expect(received.headers['x-api-key']).toBe('sk-ant-upstream');
    expect(received.json).toEqual({ model: 'claude-sonnet-4-5', max_tokens: 200, system: 'be brief', messages: [{ role: 'user', content: 'hello claude' }] });
    expect(gateway.records[0]).toMatchObject({ provider: 'claude', passthrough: true, format: 'anthropic-messages' });
    expect(gateway.records[0]!.usage?.output).toBe(message.usage.output_tokens);
  });

  it('streams from Anthropic untouched: MessageStream accumulates the final message', async () => {
    const stream = client.messages.stream({ model: '@claude/claude-sonnet-4-5', max_tokens: 200, messages: [{ role: 'user', content: 'stream to me' }] });
    let text = '';
    stream.on('text', (delta) => (text += delta));
    const final = await stream.finalMessage();
    expect(text).toBe('echo: stream to me');
    expect(final.stop_reason).toBe('end_turn');
  });

  it('translates Messages to an OpenAI upstream, streamed and not, with tools and a tool-result turn', async () => {
    const tools: Anthropic.Tool[] = [
      { name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
      { name: 'get_time', input_schema: { type: 'object', properties: {} } },
    ];
    const first = await client.messages
      .stream({ model: '@gpt/gpt-4o', max_tokens: 300, tools, messages: [{ role: 'user', content: 'please call tools' }] })
      .finalMessage();
    expect(first.stop_reason).toBe('tool_use');
    const calls = first.content.filter((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use');
    expect(calls.map((call) => [call.name, call.input])).toEqual([
      ['get_weather', { city: 'city' }],
      ['get_time', {}],
    ]);
    const sentFirst = openaiUpstream.received[0]!.json as { tools: Array<{ function: { name: string } }>; max_completion_tokens?: number; max_tokens?: number };
    expect(sentFirst.tools.map((tool) => tool.function.name)).toEqual(['get_weather', 'get_time']);

    const followUp = await client.messages.create({
      model: '@gpt/gpt-4o',
      max_tokens: 300,
      tools,
      messages: [
        { role: 'user', content: 'please call tools' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: calls.map((call) => ({ type: 'tool_result' as const, tool_use_id: call.id, content: `done ${call.name}` })) },
      ],
    });
    expect(followUp.content[0]).toMatchObject({ type: 'text', text: 'echo: done get_weather done get_time' });
    const sent = openaiUpstream.received[1]!.json as { messages: Array<{ role: string; tool_call_id?: string }> };
    expect(sent.messages.filter((message) => message.role === 'tool').map((message) => message.tool_call_id)).toEqual(calls.map((call) => call.id));
    expect(gateway.records.every((record) => !record.passthrough)).toBe(true);
  });

  it('answers with the built-in mock when no provider is named', async () => {
    const message = await client.messages.create({ model: 'echo-1', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] });
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'echo: hi' });
    expect(message.usage.input_tokens).toBeGreaterThan(0);
  });

  it('returns errors in Anthropic shape that the SDK raises as its own classes', async () => {
    const missing = await client.messages.create({ max_tokens: 5, messages: [{ role: 'user', content: 'x' }] } as never).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(Anthropic.BadRequestError);
    expect((missing as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });

    const unknown = await client.messages.create({ model: '@nope/x', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(Anthropic.NotFoundError);

    anthropicUpstream.failNext({ status: 529, body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } } });
    const overloaded = await client.messages.create({ model: '@claude/claude-sonnet-4-5', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }).catch((error: unknown) => error);
    expect((overloaded as InstanceType<typeof Anthropic.APIError>).status).toBe(529);
  });

  it('uses x-api-key as the provider key with the header API', async () => {
    const headerClient = new Anthropic({ baseURL: gateway.url, apiKey: 'sk-ant-upstream', maxRetries: 0, defaultHeaders: { 'x-portkey-provider': 'anthropic', 'x-portkey-custom-host': `${anthropicUpstream.url}/v1` } });
    const message = await headerClient.messages.create({ model: 'claude-haiku-4-5', max_tokens: 20, messages: [{ role: 'user', content: 'via headers' }] });
    expect(message.content[0]).toMatchObject({ text: 'echo: via headers' });
    expect(anthropicUpstream.received[0]!.headers['x-api-key']).toBe('sk-ant-upstream');
  });

  it('translates only the attempts that need it in a fallback chain mixing providers', async () => {
    anthropicUpstream.failNext({ status: 500, body: { type: 'error', error: { type: 'api_error', message: 'Internal server error' } } });
    const config = { strategy: { mode: 'fallback' }, targets: [{ provider: '@claude' }, { provider: '@gpt', override_params: { model: 'gpt-4o' } }] };
    const mixed = new Anthropic({ baseURL: gateway.url, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'x-switchyard-config': JSON.stringify(config) } });
    const message = await mixed.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 50, messages: [{ role: 'user', content: 'mixed chain' }] });
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'echo: mixed chain' });
    // The first attempt went to Anthropic as Messages bytes, the second to OpenAI as Chat Completions.
    expect(anthropicUpstream.received[0]!.json).toEqual({ model: 'claude-sonnet-4-5', max_tokens: 50, messages: [{ role: 'user', content: 'mixed chain' }] });
    expect(openaiUpstream.received[0]!.path).toBe('/v1/chat/completions');
    expect((openaiUpstream.received[0]!.json as { messages: unknown[] }).messages).toEqual([{ role: 'user', content: 'mixed chain' }]);
    expect(gateway.records.at(-1)).toMatchObject({ provider: 'gpt', passthrough: false });
    expect(gateway.records.at(-1)!.attempts?.map((attempt) => attempt.status)).toEqual([500, undefined]);
  });
});
