import { serveGatewayForAdapters, type ServingGateway } from '@switchyard/server';
import {
  gatewayWarnings,
  mockThinkingSignature,
  readChatCompletionStream,
  readChatCompletionStreamFailure,
  replaySuite,
  startAnthropicMock,
  type AnthropicMock,
} from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from '../src/index.js';

// The official openai SDK -> the gateway's /v1/chat/completions -> the Anthropic adapter -> the
// testkit's Anthropic mock on loopback, checking what the mock received on the wire.
describe('openai SDK through the gateway to an Anthropic upstream', () => {
  const apiKey = 'sk-ant-upstream-secret';
  let upstream: AnthropicMock;
  let gateway: ServingGateway;
  let client: OpenAI;
  const model = '@claude/claude-sonnet-4-5';

  beforeAll(async () => {
    upstream = await startAnthropicMock({ apiKey });
    gateway = await serveGatewayForAdapters({
      adapters: [createAnthropicProvider()],
      entries: [
        { slug: 'claude', adapter: 'anthropic', settings: { apiKey, baseURL: upstream.baseURL } },
        { slug: 'claude-wrong-key', adapter: 'anthropic', settings: { apiKey: 'sk-ant-wrong', baseURL: upstream.baseURL } },
      ],
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'not-a-provider-key', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });
  beforeEach(() => upstream.reset());

  const received = (index = 0) => upstream.received[index]!;

  it('answers a non-streamed completion, sending system and developer text as Anthropic system blocks', async () => {
    const { data, response } = await client.chat.completions
      .create({
        model,
        messages: [
          { role: 'system', content: 'be brief' },
          { role: 'developer', content: 'answer in English' },
          { role: 'user', content: 'hello gateway' },
        ],
        temperature: 0.2,
        stop: ['never-seen'],
        user: 'end-user-7',
      })
      .withResponse();
    expect(data.object).toBe('chat.completion');
    expect(data.id).toMatch(/^msg_mock/);
    expect(data.choices[0]!.message.content).toBe('echo: hello gateway');
    expect(data.choices[0]!.finish_reason).toBe('stop');
    expect(data.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });

    expect(received().path).toBe('/v1/messages');
    expect(received().headers).toMatchObject({ 'x-api-key': apiKey, 'anthropic-version': '2023-06-01', 'content-type': 'application/json' });
    expect(received().headers).not.toHaveProperty('authorization');
    expect(received().json).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 64000,
      system: [
        { type: 'text', text: 'be brief' },
        { type: 'text', text: 'answer in English' },
      ],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hello gateway' }] }],
      temperature: 0.2,
      stop_sequences: ['never-seen'],
      metadata: { user_id: 'end-user-7' },
      stream: false,
    });
    // Anthropic requires max_tokens; the default applied is said in the warnings header.
    expect(gatewayWarnings(response)).toEqual([expect.objectContaining({ type: 'default-applied', field: 'maxOutputTokens' })]);
  });

  it('streams text with usage, merging multi-turn history', async () => {
    const stream = await client.chat.completions.create({
      model,
      max_completion_tokens: 100,
      messages: [
        { role: 'user', content: 'first question' },
        { role: 'assistant', content: 'first answer' },
        { role: 'user', content: 'stream these four words' },
      ],
      stream: true,
      stream_options: { include_usage: true },
    });
    const { text, finish, usage } = await readChatCompletionStream(stream);
    expect(text).toBe('echo: stream these four words');
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: 8, completion_tokens: 5, total_tokens: 13 });
    expect(received().headers.accept).toBe('text/event-stream');
    expect(received().json).toMatchObject({ stream: true, max_tokens: 100 });
    expect(received().json.messages.map((message: { role: string }) => message.role)).toEqual(['user', 'assistant', 'user']);
  });

  const tools: OpenAI.ChatCompletionTool[] = [
    { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
    { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
  ];

  it('carries parallel tool calls, streamed, and the follow-up tool-result turn', async () => {
    const runner = client.chat.completions.stream({ model, max_tokens: 500, messages: [{ role: 'user', content: 'please call tools' }], tools, tool_choice: 'required' });
    const first = await runner.finalChatCompletion();
    const message = first.choices[0]!.message;
    expect(first.choices[0]!.finish_reason).toBe('tool_calls');
    expect(message.tool_calls).toEqual([
      { id: 'toolu_mock_0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"city"}' } },
      { id: 'toolu_mock_1', type: 'function', function: { name: 'get_time', arguments: '{}' } },
    ]);
    expect(received().json.tools).toEqual([
      { name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
      { name: 'get_time', input_schema: { type: 'object', properties: {} } },
    ]);
    expect(received().json.tool_choice).toEqual({ type: 'any' });

    const followUp = await client.chat.completions.create({
      model,
      max_tokens: 500,
      tools,
      messages: [
        { role: 'user', content: 'please call tools' },
        message,
        { role: 'tool', tool_call_id: 'toolu_mock_0', content: 'sunny' },
        { role: 'tool', tool_call_id: 'toolu_mock_1', content: 'noon' },
      ],
    });
    expect(followUp.choices[0]!.message.content).toBe('echo: sunny noon');
    // The two tool messages became one user turn of tool_result blocks, after the tool_use turn.
    expect(received(1).json.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'please call tools' }] },
      {
        role: 'assistant',
        content: [
          { type: 'tool_use', id: 'toolu_mock_0', name: 'get_weather', input: { city: 'city' } },
          { type: 'tool_use', id: 'toolu_mock_1', name: 'get_time', input: {} },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_mock_0', content: 'sunny' },
          { type: 'tool_result', tool_use_id: 'toolu_mock_1', content: 'noon' },
        ],
      },
    ]);
  });

  it('keeps parallel_tool_calls: false as disable_parallel_tool_use', async () => {
    const completion = await client.chat.completions.create({
      model,
      max_tokens: 500,
      messages: [{ role: 'user', content: 'call tools' }],
      tools,
      parallel_tool_calls: false,
    });
    expect(completion.choices[0]!.message.tool_calls).toHaveLength(1);
    expect(received().json.tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true });
  });

  it('sends images as base64 and URL sources, never downloading them', async () => {
    await client.chat.completions.create({
      model,
      max_tokens: 50,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'what are these' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
          ],
        },
      ],
    });
    expect(received().json.messages[0].content).toEqual([
      { type: 'text', text: 'what are these' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
    ]);
  });

  it('sends a json_schema response format as output_config.format', async () => {
    const completion = await client.chat.completions.create({
      model,
      max_tokens: 50,
      messages: [{ role: 'user', content: 'amount?' }],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'payment', strict: true, schema: { type: 'object', properties: { amount: { type: 'number' } }, required: ['amount'], additionalProperties: false } },
      },
    });
    expect(JSON.parse(completion.choices[0]!.message.content!)).toEqual({ amount: 0 });
    expect(received().json.output_config).toEqual({
      format: { type: 'json_schema', schema: { type: 'object', properties: { amount: { type: 'number' } }, required: ['amount'], additionalProperties: false } },
    });
  });

  it('thinks with a budget from reasoning_effort, streams the reasoning, and survives the next tool turn', async () => {
    const stream = await client.chat.completions.create({
      model,
      max_completion_tokens: 4000,
      reasoning_effort: 'low',
      messages: [{ role: 'user', content: 'please call tools' }],
      tools,
      stream: true,
    });
    const { reasoning, toolCalls: calls } = await readChatCompletionStream(stream);
    expect(received().json.thinking).toEqual({ type: 'enabled', budget_tokens: 2048 });
    expect(reasoning).toBe('Thinking about: please call tools');
    expect(calls.map((call) => call.id)).toEqual(['toolu_mock_0', 'toolu_mock_1']);

    // Chat Completions has no field for the thinking signature, so the reasoning comes back
    // unsigned: the adapter drops it and turns thinking off for this turn instead of failing.
    const { data, response } = await client.chat.completions
      .create({
        model,
        max_completion_tokens: 4000,
        reasoning_effort: 'low',
        tools,
        messages: [
          { role: 'user', content: 'please call tools' },
          {
            role: 'assistant',
            content: null,
            reasoning_content: reasoning,
            tool_calls: calls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: call.arguments } })),
          } as OpenAI.ChatCompletionAssistantMessageParam,
          ...calls.map((call) => ({ role: 'tool' as const, tool_call_id: call.id, content: `${call.name} ok` })),
        ],
      })
      .withResponse();
    expect(data.choices[0]!.message.content).toBe('echo: get_weather ok get_time ok');
    expect(received(1).json).not.toHaveProperty('thinking');
    expect(received(1).json.messages[1].content.map((block: { type: string }) => block.type)).toEqual(['tool_use', 'tool_use']);
    expect(gatewayWarnings(response).map((warning) => warning.field)).toEqual(expect.arrayContaining(['reasoning', 'messages[1].content[0]']));
  });

  it('returns non-streamed reasoning as reasoning_content', async () => {
    const completion = await client.chat.completions.create({
      model,
      max_completion_tokens: 3000,
      reasoning_effort: 'minimal',
      messages: [{ role: 'user', content: 'think briefly' }],
    });
    const message = completion.choices[0]!.message as OpenAI.ChatCompletionMessage & { reasoning_content?: string };
    expect(message.reasoning_content).toBe('Thinking about: think briefly');
    expect(message.content).toBe('echo: think briefly');
    expect(received().json.thinking).toEqual({ type: 'enabled', budget_tokens: 1024 });
    expect(mockThinkingSignature('Thinking about: think briefly')).toBeTruthy();
  });

  it('maps upstream errors to OpenAI errors with the upstream status', async () => {
    upstream.failNext({ status: 529 });
    const overloaded = await client.chat.completions.create({ model, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect(overloaded).toBeInstanceOf(OpenAI.APIError);
    expect((overloaded as InstanceType<typeof OpenAI.APIError>).status).toBe(529);
    expect((overloaded as InstanceType<typeof OpenAI.APIError>).message).toContain('Overloaded');

    const unauthorized = await client.chat.completions
      .create({ model: '@claude-wrong-key/claude-sonnet-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    expect(unauthorized).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((unauthorized as InstanceType<typeof OpenAI.APIError>).message).toContain('invalid x-api-key');

    upstream.failNext({ status: 429 });
    const limited = await client.chat.completions
      .create({ model, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }], stream: true })
      .catch((caught: unknown) => caught);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
  });

  it('ends the SDK stream with an exception when Anthropic sends an error event mid-stream', async () => {
    const sse = [
      'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_cut","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":3,"output_tokens":1}}}\n\n',
      'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}\n\n',
      'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}\n\n',
    ].join('');
    upstream.replayNext({ body: sse, contentType: 'text/event-stream; charset=utf-8' });
    const stream = await client.chat.completions.create({ model, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }], stream: true });
    const { text, error: outcome } = await readChatCompletionStreamFailure(stream);
    expect(outcome).toBeInstanceOf(OpenAI.APIError);
    expect((outcome as Error).message).toContain('Overloaded');
    expect(text).toBe('Hello');
  });

  it('ends the SDK stream with an exception when the upstream connection is cut', async () => {
    upstream.failNext({ cutAfterEvents: 4 });
    const stream = await client.chat.completions.create({ model, max_tokens: 10, messages: [{ role: 'user', content: 'this stream will be cut short' }], stream: true });
    const { error: outcome } = await readChatCompletionStreamFailure(stream);
    expect(outcome).toBeInstanceOf(Error);
  });
});

const recordings = replaySuite('anthropic', 'anthropic e2e replay');
describe.skipIf(!recordings.found)('recorded Anthropic streams through the gateway to the openai SDK', () => {
  let upstream: AnthropicMock;
  let gateway: ServingGateway;
  let client: OpenAI;

  beforeAll(async () => {
    upstream = await startAnthropicMock();
    gateway = await serveGatewayForAdapters({
      adapters: [createAnthropicProvider()],
      entries: [{ slug: 'claude', adapter: 'anthropic', settings: { apiKey: 'k', baseURL: upstream.baseURL } }],
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'x', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('tool-use-stream-docs arrives as one OpenAI tool call with its arguments', async () => {
    upstream.replayNext({ body: recordings.fixtures.text('tool-use-stream-docs.sse'), contentType: 'text/event-stream', chunkSize: 50 });
    const final = await client.chat.completions
      .stream({ model: '@claude/claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'weather in SF?' }] })
      .finalChatCompletion();
    expect(final.choices[0]!.message.content).toBe("Okay, let's check the weather for San Francisco, CA:");
    expect(final.choices[0]!.message.tool_calls).toEqual([
      { id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', type: 'function', function: { name: 'get_weather', arguments: '{"location": "San Francisco, CA", "unit": "fahrenheit"}' } },
    ]);
    expect(final.choices[0]!.finish_reason).toBe('tool_calls');
  });
});
