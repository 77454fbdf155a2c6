import { type ServingGateway, serveGatewayForAdapters } from '@switchyard/server';
import { type CohereMock, gatewayWarnings, readChatCompletionStream, readChatCompletionStreamFailure, startCohereMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCohereProvider } from '../src/index.js';

// The official openai SDK → the gateway's /v1/chat/completions → the Cohere adapter → the
// testkit Cohere mock on loopback, asserting what Cohere received as much as what came back.
describe('openai SDK through the gateway to Cohere', () => {
  const apiKey = 'co-upstream-secret';
  const model = '@co/command-a-03-2025';
  let upstream: CohereMock;
  let gateway: ServingGateway;
  let client: OpenAI;

  beforeAll(async () => {
    upstream = await startCohereMock({ apiKey, models: ['command-a-03-2025', 'command-a-reasoning-08-2025', 'command-a-vision-07-2025'] });
    gateway = await serveGatewayForAdapters({
      adapters: [createCohereProvider()],
      entries: [
        { slug: 'co', adapter: 'cohere', settings: { apiKey, baseURL: upstream.baseURL } },
        { slug: 'co-wrong-key', adapter: 'cohere', settings: { apiKey: 'co-wrong', baseURL: upstream.baseURL } },
      ],
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gateway-client', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });
  beforeEach(() => upstream.reset());

  const received = (index = 0) => upstream.received[index]!;

  it('answers text, sending system and developer messages in place and the key as a bearer token', async () => {
    const { data, response } = await client.chat.completions
      .create({
        model,
        messages: [
          { role: 'system', content: 'be brief' },
          { role: 'developer', content: 'answer in English' },
          { role: 'user', content: 'hello gateway' },
        ],
        temperature: 0.2,
        top_p: 0.9,
        max_tokens: 50,
        stop: ['never-seen'],
        seed: 42,
        frequency_penalty: 0.1,
        presence_penalty: 0.2,
      })
      .withResponse();
    expect(data.object).toBe('chat.completion');
    expect(data.id).toMatch(/^mock-/);
    expect(data.model).toBe('command-a-03-2025');
    expect(data.choices[0]!.message.content).toBe('echo: hello gateway');
    expect(data.choices[0]!.finish_reason).toBe('stop');
    expect(data.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });

    expect(received().path).toBe('/v2/chat');
    expect(received().headers).toMatchObject({ authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', accept: 'application/json' });
    expect(received().json).toEqual({
      model: 'command-a-03-2025',
      stream: false,
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'system', content: 'answer in English' },
        { role: 'user', content: 'hello gateway' },
      ],
      temperature: 0.2,
      p: 0.9,
      max_tokens: 50,
      stop_sequences: ['never-seen'],
      seed: 42,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
    });
    expect(gatewayWarnings(response)).toEqual([]);
  });

  it('streams text with usage over multi-turn history', async () => {
    const stream = await client.chat.completions.create({
      model,
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
    expect(received().json).toMatchObject({
      stream: true,
      messages: [
        { role: 'user', content: 'first question' },
        { role: 'assistant', content: 'first answer' },
        { role: 'user', content: 'stream these four words' },
      ],
    });
  });

  const tools: OpenAI.ChatCompletionTool[] = [
    { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
    { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
  ];

  it('streams parallel tool calls with the tool plan as reasoning, then carries the tool-result turn back', async () => {
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'please call tools' }], tools, tool_choice: 'required', stream: true });
    const { reasoning: plan, finish, toolCalls: calls } = await readChatCompletionStream(stream);
    expect(plan).toBe('I will call get_weather and get_time.');
    expect(finish).toBe('tool_calls');
    expect(calls).toEqual([
      { id: 'get_weather_mock0', name: 'get_weather', arguments: '{"city":"city"}' },
      { id: 'get_time_mock1', name: 'get_time', arguments: '{}' },
    ]);
    expect(received().json.tools).toEqual([
      { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
      { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
    ]);
    expect(received().json.tool_choice).toBe('REQUIRED');

    // The client sends the plan back as reasoning_content: it becomes the turn's tool_plan.
    const followUp = await client.chat.completions.create({
      model,
      tools,
      messages: [
        { role: 'user', content: 'please call tools' },
        {
          role: 'assistant',
          content: null,
          reasoning_content: plan,
          tool_calls: calls.map((call) => ({ id: call.id, type: 'function' as const, function: { name: call.name, arguments: call.arguments } })),
        } as OpenAI.ChatCompletionAssistantMessageParam,
        { role: 'tool', tool_call_id: 'get_weather_mock0', content: 'sunny' },
        { role: 'tool', tool_call_id: 'get_time_mock1', content: 'noon' },
      ],
    });
    expect(followUp.choices[0]!.message.content).toBe('echo: sunny noon');
    expect(received(1).json.messages).toEqual([
      { role: 'user', content: 'please call tools' },
      {
        role: 'assistant',
        tool_plan: 'I will call get_weather and get_time.',
        tool_calls: [
          { id: 'get_weather_mock0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"city"}' } },
          { id: 'get_time_mock1', type: 'function', function: { name: 'get_time', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'get_weather_mock0', content: [{ type: 'text', text: 'sunny' }] },
      { role: 'tool', tool_call_id: 'get_time_mock1', content: [{ type: 'text', text: 'noon' }] },
    ]);
  });

  it('sends a named tool choice as that tool alone with REQUIRED, and warns that parallel calls cannot be turned off', async () => {
    const { data, response } = await client.chat.completions
      .create({ model, messages: [{ role: 'user', content: 'weather?' }], tools, tool_choice: { type: 'function', function: { name: 'get_time' } }, parallel_tool_calls: false })
      .withResponse();
    expect(data.choices[0]!.message.tool_calls).toEqual([{ id: 'get_time_mock0', type: 'function', function: { name: 'get_time', arguments: '{}' } }]);
    expect(received().json.tools.map((tool: { function: { name: string } }) => tool.function.name)).toEqual(['get_time']);
    expect(received().json.tool_choice).toBe('REQUIRED');
    expect(gatewayWarnings(response).map((warning) => warning.field)).toEqual(['parallelToolCalls']);
  });

  it('sends images as image_url blocks, data URLs and web URLs as given', async () => {
    const completion = await client.chat.completions.create({
      model: '@co/command-a-vision-07-2025',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'what are these' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg', detail: 'low' } },
          ],
        },
      ],
    });
    expect(completion.choices[0]!.message.content).toBe('echo: what are these [image] [image]');
    expect(received().json.messages[0].content).toEqual([
      { type: 'text', text: 'what are these' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
      { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg', detail: 'low' } },
    ]);
  });

  it('sends a json_schema response format as json_object with the schema', async () => {
    const completion = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'amount?' }],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'payment', strict: true, schema: { type: 'object', properties: { amount: { type: 'number', minimum: 0 } }, required: ['amount'] } },
      },
    });
    expect(JSON.parse(completion.choices[0]!.message.content!)).toEqual({ amount: 0 });
    expect(received().json.response_format).toEqual({
      type: 'json_object',
      json_schema: { type: 'object', properties: { amount: { type: 'number' } }, required: ['amount'] },
    });
  });

  it('thinks on a reasoning model, streams the thinking, and sends it back as a thinking block next turn', async () => {
    const reasoningModel = '@co/command-a-reasoning-08-2025';
    const stream = await client.chat.completions.create({ model: reasoningModel, reasoning_effort: 'high', messages: [{ role: 'user', content: 'think about this' }], stream: true });
    const { reasoning, text } = await readChatCompletionStream(stream);
    expect(reasoning).toBe('Thinking about: think about this');
    expect(text).toBe('echo: think about this');
    expect(received().json.thinking).toEqual({ type: 'enabled' });

    const { data, response } = await client.chat.completions
      .create({
        model: reasoningModel,
        // Effort 'none' turns Cohere's thinking off; the earlier thinking still goes back in place.
        reasoning_effort: 'none',
        messages: [
          { role: 'user', content: 'think about this' },
          { role: 'assistant', content: text, reasoning_content: reasoning } as OpenAI.ChatCompletionAssistantMessageParam,
          { role: 'user', content: 'and now?' },
        ],
      })
      .withResponse();
    expect(data.choices[0]!.message.content).toBe('echo: and now?');
    expect(received(1).json.thinking).toEqual({ type: 'disabled' });
    expect(received(1).json.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'Thinking about: think about this' },
        { type: 'text', text: 'echo: think about this' },
      ],
    });
    expect(gatewayWarnings(response)).toEqual([]);
  });

  it('returns non-streamed thinking as reasoning_content, saying the effort level could not be sent', async () => {
    const { data, response } = await client.chat.completions
      .create({ model: '@co/command-a-reasoning-08-2025', reasoning_effort: 'low', messages: [{ role: 'user', content: 'think briefly' }] })
      .withResponse();
    const message = data.choices[0]!.message as OpenAI.ChatCompletionMessage & { reasoning_content?: string };
    expect(message.reasoning_content).toBe('Thinking about: think briefly');
    expect(message.content).toBe('echo: think briefly');
    expect(gatewayWarnings(response)).toEqual([expect.objectContaining({ type: 'unsupported-value', field: 'reasoning.effort' })]);
  });

  it('maps upstream errors to OpenAI errors with the upstream status', async () => {
    upstream.failNext({ status: 429 });
    const limited = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect((limited as Error).message).toContain('Trial key');

    const unauthorized = await client.chat.completions
      .create({ model: '@co-wrong-key/command-a-03-2025', messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    expect(unauthorized).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((unauthorized as Error).message).toContain('invalid api token');

    const missing = await client.chat.completions
      .create({ model: '@co/command-z', messages: [{ role: 'user', content: 'hi' }], stream: true })
      .catch((caught: unknown) => caught);
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
    expect((missing as Error).message).toContain("model 'command-z' not found");
  });

  it('ends the SDK stream with an exception when Cohere reports an error mid-stream', async () => {
    upstream.streamErrorNext({ afterEvents: 3, message: 'internal server error while generating' });
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'a b c d' }], stream: true });
    const { text, error: outcome } = await readChatCompletionStreamFailure(stream);
    expect(outcome).toBeInstanceOf(OpenAI.APIError);
    expect((outcome as Error).message).toContain('internal server error while generating');
    expect(text).toBe('echo:');
  });

  it('ends the SDK stream with an exception when the upstream connection is cut', async () => {
    upstream.failNext({ cutAfterEvents: 4 });
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'this stream will be cut short' }], stream: true });
    const { error: outcome } = await readChatCompletionStreamFailure(stream);
    expect(outcome).toBeInstanceOf(Error);
  });
});
