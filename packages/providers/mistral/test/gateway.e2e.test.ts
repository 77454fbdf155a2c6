import { serveGatewayForAdapters, type ServingGateway } from '@switchyard/server';
import { gatewayWarnings, readChatCompletionStream, readChatCompletionStreamFailure, startOpenAICompatibleMock, type OpenAICompatibleMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMistralProvider, toMistralToolCallId } from '../src/index.js';

// The official openai SDK -> the gateway's /v1/chat/completions -> the Mistral adapter -> the
// testkit's OpenAI-compatible mock playing Mistral (strict fields, whole tool calls without
// index, 9-character tool call ids, thinking chunks, flat error bodies), checking what it received.

describe('openai SDK through the gateway to Mistral', () => {
  const apiKey = 'mistral-upstream-secret';
  let upstream: OpenAICompatibleMock;
  let gateway: ServingGateway;
  let client: OpenAI;
  const model = '@mistral/mistral-small-latest';

  beforeAll(async () => {
    upstream = await startOpenAICompatibleMock({
      apiKey,
      errorStyle: 'mistral',
      reasoningField: 'thinking-chunks',
      usageInStream: 'finish-chunk',
      toolCallsWithoutIndex: true,
      toolCallIdPattern: /^[a-zA-Z0-9]{9}$/,
      // What Mistral answers 422 "Extra inputs are not permitted" to.
      refuseFields: ['max_completion_tokens', 'seed', 'stream_options', 'user', 'store', 'logprobs', 'messages.name'],
    });
    gateway = await serveGatewayForAdapters({
      adapters: [createMistralProvider()],
      entries: [
        { slug: 'mistral', adapter: 'mistral', settings: { apiKey, baseURL: upstream.baseURL } },
        { slug: 'mistral-wrong-key', adapter: 'mistral', settings: { apiKey: 'wrong', baseURL: upstream.baseURL } },
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

  it("answers a completion in Mistral's field names, dropping what it refuses with warnings", async () => {
    const { data, response } = await client.chat.completions
      .create({
        model,
        messages: [
          { role: 'system', content: 'be brief' },
          { role: 'developer', content: 'answer in English' },
          { role: 'user', content: 'hello gateway', name: 'ann' },
        ],
        max_completion_tokens: 50,
        seed: 42,
        user: 'end-user-7',
        stop: ['never-seen'],
        safe_prompt: true,
      } as OpenAI.ChatCompletionCreateParamsNonStreaming)
      .withResponse();
    expect(data.choices[0]!.message.content).toBe('echo: hello gateway');
    expect(data.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });

    expect(received().path).toBe('/v1/chat/completions');
    expect(received().headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(received().json).toEqual({
      model: 'mistral-small-latest',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'system', content: 'answer in English' },
        { role: 'user', content: 'hello gateway' },
      ],
      max_tokens: 50,
      random_seed: 42,
      stop: ['never-seen'],
      safe_prompt: true,
      stream: false,
    });
    expect(gatewayWarnings(response).map((warning) => warning.field)).toEqual(['user', 'messages[2].name']);
  });

  it('streams text with usage from the finish chunk, never sending stream_options', async () => {
    const stream = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'stream these four words' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const { text, usage } = await readChatCompletionStream(stream);
    expect(text).toBe('echo: stream these four words');
    expect(usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 });
    expect(received().json).not.toHaveProperty('stream_options');
    expect(received().json.stream).toBe(true);
  });

  const tools: OpenAI.ChatCompletionTool[] = [
    { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
    { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
  ];

  it('carries parallel tool calls sent whole without index, and the follow-up tool-result turn', async () => {
    const runner = client.chat.completions.stream({ model, messages: [{ role: 'user', content: 'please call tools' }], tools, tool_choice: 'required', parallel_tool_calls: true });
    const first = await runner.finalChatCompletion();
    const message = first.choices[0]!.message;
    expect(first.choices[0]!.finish_reason).toBe('tool_calls');
    expect(message.tool_calls).toEqual([
      { id: 'mockcall0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"city"}' } },
      { id: 'mockcall1', type: 'function', function: { name: 'get_time', arguments: '{}' } },
    ]);
    expect(received().json).toMatchObject({ tool_choice: 'required', parallel_tool_calls: true, tools });

    const followUp = await client.chat.completions.create({
      model,
      tools,
      messages: [
        { role: 'user', content: 'please call tools' },
        { role: 'assistant', content: null, tool_calls: message.tool_calls },
        { role: 'tool', tool_call_id: 'mockcall0', content: 'sunny' },
        { role: 'tool', tool_call_id: 'mockcall1', content: 'noon' },
      ],
    });
    expect(followUp.choices[0]!.message.content).toBe('echo: sunny noon');
    // Mistral's own ids go back unchanged.
    expect(received(1).json.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'mockcall0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"city"}' } },
          { id: 'mockcall1', type: 'function', function: { name: 'get_time', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'mockcall0', content: 'sunny' },
      { role: 'tool', tool_call_id: 'mockcall1', content: 'noon' },
    ]);
  });

  it("maps another provider's tool call ids to 9 characters, the same in the call and its result, turn after turn", async () => {
    const history: OpenAI.ChatCompletionMessageParam[] = [
      { role: 'user', content: 'weather?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_00_9V0vrf86Pc9aelHCJMZqnJBo', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: 'call_00_9V0vrf86Pc9aelHCJMZqnJBo', content: 'rain' },
    ];
    await client.chat.completions.create({ model, tools, messages: history });
    await client.chat.completions.create({ model, tools, messages: [...history, { role: 'assistant', content: 'It rains.' }, { role: 'user', content: 'thanks' }] });
    const mapped = toMistralToolCallId('call_00_9V0vrf86Pc9aelHCJMZqnJBo');
    expect(mapped).toMatch(/^[a-zA-Z0-9]{9}$/);
    for (const index of [0, 1]) {
      expect(received(index).json.messages[1].tool_calls[0].id).toBe(mapped);
      expect(received(index).json.messages[2].tool_call_id).toBe(mapped);
    }
  });

  it('sends images as image_url chunks and PDFs as document_url chunks', async () => {
    await client.chat.completions.create({
      model: '@mistral/mistral-medium-latest',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'what are these' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
            { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0xLjQ=', filename: 'report.pdf' } },
          ],
        },
      ],
    });
    expect(received().json.messages[0].content).toEqual([
      { type: 'text', text: 'what are these' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
      { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
      { type: 'document_url', document_url: 'data:application/pdf;base64,JVBERi0xLjQ=', document_name: 'report.pdf' },
    ]);
  });

  it('streams magistral thinking chunks as reasoning, and sends the reasoning back as thinking chunks next turn', async () => {
    const stream = await client.chat.completions.create({
      model: '@mistral/magistral-medium-latest',
      messages: [{ role: 'user', content: 'two plus two' }],
      stream: true,
    });
    const { reasoning, text } = await readChatCompletionStream(stream);
    expect(reasoning).toBe('Thinking about: two plus two');
    expect(text).toBe('echo: two plus two');

    const next = await client.chat.completions.create({
      model: '@mistral/magistral-medium-latest',
      messages: [
        { role: 'user', content: 'two plus two' },
        { role: 'assistant', content: text, reasoning_content: reasoning } as OpenAI.ChatCompletionAssistantMessageParam,
        { role: 'user', content: 'and three' },
      ],
    });
    expect((next.choices[0]!.message as OpenAI.ChatCompletionMessage & { reasoning_content?: string }).reasoning_content).toBe('Thinking about: and three');
    expect(received(1).json.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: [{ type: 'text', text: 'Thinking about: two plus two' }] },
        { type: 'text', text: 'echo: two plus two' },
      ],
    });
  });

  it("maps Mistral's error bodies: 422 validation reports, 401, 429", async () => {
    upstream.failNext({
      status: 422,
      body: { object: 'error', message: { detail: [{ type: 'extra_forbidden', loc: ['body', 'guardrails'], msg: 'Extra inputs are not permitted', input: {} }] }, type: 'invalid_request_error', param: null, code: null },
    });
    const invalid = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect(invalid).toBeInstanceOf(OpenAI.UnprocessableEntityError);
    expect((invalid as Error).message).toContain('guardrails: Extra inputs are not permitted');

    const unauthorized = await client.chat.completions.create({ model: '@mistral-wrong-key/mistral-small-latest', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect(unauthorized).toBeInstanceOf(OpenAI.AuthenticationError);

    upstream.failNext({ status: 429 });
    const limited = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], stream: true }).catch((caught: unknown) => caught);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
  });

  it('ends the SDK stream with an exception on an error mid-stream, and on a cut connection', async () => {
    upstream.replayNext({
      body:
        'data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"mistral-small-latest","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}\n\n' +
        'data: {"object":"error","message":"Service unavailable","type":"internal_error","param":null,"code":"1100"}\n\n',
      contentType: 'text/event-stream',
    });
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], stream: true });
    const { text, error: outcome } = await readChatCompletionStreamFailure(stream);
    expect(outcome).toBeInstanceOf(OpenAI.APIError);
    expect((outcome as Error).message).toContain('Service unavailable');
    expect(text).toBe('Hel');

    upstream.failNext({ cutAfterEvents: 2 });
    const cut = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'this stream will be cut short' }], stream: true });
    const { error: cutOutcome } = await readChatCompletionStreamFailure(cut);
    expect(cutOutcome).toBeInstanceOf(Error);
  });
});
