import { createDeepSeekProvider } from '@switchyard/provider-deepseek';
import { createGroqProvider } from '@switchyard/provider-groq';
import { createOpenRouterProvider } from '@switchyard/provider-openrouter';
import { serveGatewayForAdapters, type ServingGateway } from '@switchyard/server';
import {
  fixturesFor,
  gatewayWarnings,
  readChatCompletionStream,
  readChatCompletionStreamFailure,
  recordedAnswer,
  startOpenAICompatibleMock,
  type OpenAICompatibleMock,
} from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// The official openai SDK -> the gateway's /v1/chat/completions -> the OpenAI-compatible adapter
// (Groq and DeepSeek presets, OpenRouter for passthrough) -> testkit mocks playing each server's
// quirks on loopback, checking what the mocks received on the wire.
type ReasoningMessage = OpenAI.ChatCompletionMessage & { reasoning_content?: string };

const tools: OpenAI.ChatCompletionTool[] = [
  { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
  { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
];

let groq: OpenAICompatibleMock;
let deepseek: OpenAICompatibleMock;
let openrouter: OpenAICompatibleMock;
let gateway: ServingGateway;
let client: OpenAI;

beforeAll(async () => {
  // Groq: reasoning in `reasoning`, usage under x_groq, at /openai/v1, refusing what it does not support.
  groq = await startOpenAICompatibleMock({
    apiKey: 'gsk-upstream',
    basePath: '/openai/v1',
    reasoningField: 'reasoning',
    usageInStream: 'x_groq',
    refuseFields: ['logprobs', 'logit_bias', 'top_logprobs', 'messages.name'],
  });
  // DeepSeek: reasoning_content, usage on the finish chunk, max_tokens only (max_completion_tokens refused here to prove the rename).
  deepseek = await startOpenAICompatibleMock({ apiKey: 'sk-deepseek', reasoningField: 'reasoning_content', usageInStream: 'finish-chunk', refuseFields: ['max_completion_tokens'] });
  openrouter = await startOpenAICompatibleMock({ apiKey: 'sk-or', reasoningField: 'reasoning' });
  gateway = await serveGatewayForAdapters({
    adapters: [createGroqProvider(), createDeepSeekProvider(), createOpenRouterProvider()],
    entries: [
      { slug: 'groq', adapter: 'groq', settings: { apiKey: 'gsk-upstream', baseURL: groq.baseURL } },
      { slug: 'groq-wrong-key', adapter: 'groq', settings: { apiKey: 'gsk-wrong', baseURL: groq.baseURL } },
      // DeepSeek's Portkey base is the bare host; the preset appends /v1/chat/completions.
      { slug: 'deepseek', adapter: 'deepseek', settings: { apiKey: 'sk-deepseek', baseURL: deepseek.url } },
      { slug: 'openrouter', adapter: 'openrouter', settings: { apiKey: 'sk-or', baseURL: openrouter.url.replace(/\/$/, '') } },
    ],
  });
  client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'not-a-provider-key', maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.close();
  await Promise.all([groq?.close(), deepseek?.close(), openrouter?.close()]);
});
beforeEach(() => {
  groq.reset();
  deepseek.reset();
  openrouter.reset();
});

describe('openai SDK through the gateway to Groq (translated: Groq refuses some OpenAI fields)', () => {
  const model = '@groq/llama-3.3-70b-versatile';
  const received = (index = 0) => groq.received[index]!;

  it('answers a completion, sending Groq its path and key and dropping the fields it refuses, with warnings', async () => {
    const { data, response } = await client.chat.completions
      .create({
        model,
        messages: [
          { role: 'system', content: 'be brief' },
          { role: 'user', content: 'hello gateway', name: 'ann' },
        ],
        max_completion_tokens: 50,
        logprobs: true,
        temperature: 0.3,
      })
      .withResponse();
    expect(data.choices[0]!.message.content).toBe('echo: hello gateway');
    expect(data.choices[0]!.finish_reason).toBe('stop');
    expect(data.usage).toMatchObject({ prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 });

    expect(received().path).toBe('/openai/v1/chat/completions');
    expect(received().headers.authorization).toBe('Bearer gsk-upstream');
    expect(received().json).toEqual({
      model: 'llama-3.3-70b-versatile',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hello gateway' },
      ],
      max_completion_tokens: 50,
      temperature: 0.3,
      stream: false,
    });
    expect(gatewayWarnings(response).map((warning) => warning.field)).toEqual(['logprobs', 'messages[1].name']);
  });

  it('streams parsed reasoning from `reasoning` and usage from x_groq', async () => {
    const stream = await client.chat.completions.create({
      model: '@groq/qwen/qwen3-32b',
      messages: [{ role: 'user', content: 'think about this' }],
      reasoning_format: 'parsed',
      stream: true,
      stream_options: { include_usage: true },
    } as OpenAI.ChatCompletionCreateParamsStreaming);
    const result = await readChatCompletionStream(stream);
    expect(result.reasoning).toBe('Thinking about: think about this');
    expect(result.text).toBe('echo: think about this');
    expect(result.finish).toBe('stop');
    expect(result.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 9, total_tokens: 12, completion_tokens_details: { reasoning_tokens: 5 } });
    expect(received().json).toMatchObject({ reasoning_format: 'parsed', stream: true, stream_options: { include_usage: true } });
  });

  it('carries parallel tool calls, streamed, and the follow-up tool-result turn', async () => {
    const runner = client.chat.completions.stream({ model, messages: [{ role: 'user', content: 'please call tools' }], tools, tool_choice: 'required' });
    const first = await runner.finalChatCompletion();
    const message = first.choices[0]!.message;
    expect(first.choices[0]!.finish_reason).toBe('tool_calls');
    expect(message.tool_calls).toEqual([
      { id: 'call_0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"city"}' } },
      { id: 'call_1', type: 'function', function: { name: 'get_time', arguments: '{}' } },
    ]);
    expect(received().json.tools).toEqual(tools);
    expect(received().json.tool_choice).toBe('required');

    const followUp = await client.chat.completions.create({
      model,
      tools,
      messages: [
        { role: 'user', content: 'please call tools' },
        message,
        { role: 'tool', tool_call_id: 'call_0', content: 'sunny' },
        { role: 'tool', tool_call_id: 'call_1', content: 'noon' },
      ],
    });
    expect(followUp.choices[0]!.message.content).toBe('echo: sunny noon');
    expect(received(1).json.messages).toEqual([
      { role: 'user', content: 'please call tools' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"city"}' } },
          { id: 'call_1', type: 'function', function: { name: 'get_time', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_0', content: 'sunny' },
      { role: 'tool', tool_call_id: 'call_1', content: 'noon' },
    ]);
  });

  it('forwards images as URLs and data URLs, never downloading them', async () => {
    await client.chat.completions.create({
      model: '@groq/meta-llama/llama-4-scout-17b-16e-instruct',
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
    expect(received().json.messages[0].content).toEqual([
      { type: 'text', text: 'what are these' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
      { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg', detail: 'low' } },
    ]);
  });

  it('maps upstream errors to OpenAI errors with the upstream status', async () => {
    const lookup = fixturesFor('openai-compatible');
    if (lookup.found) {
      groq.replayNext(recordedAnswer(lookup.fixtures, 'groq-error-404-model'));
      const missing = await client.chat.completions.create({ model: '@groq/non-existent', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
      expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
      expect((missing as Error).message).toContain('The model `non-existent` does not exist');
    }
    const unauthorized = await client.chat.completions.create({ model: '@groq-wrong-key/llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect(unauthorized).toBeInstanceOf(OpenAI.AuthenticationError);

    groq.failNext({ status: 429 });
    const limited = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], stream: true }).catch((caught: unknown) => caught);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
  });

  it('ends the SDK stream with an exception when Groq sends an error mid-stream', async () => {
    const head = '{"id":"chatcmpl-cut","object":"chat.completion.chunk","created":1,"model":"llama-3.3-70b-versatile"';
    groq.replayNext({
      body:
        `data: ${head},"choices":[{"index":0,"delta":{"role":"assistant","content":"Hello"},"finish_reason":null}]}\n\n` +
        'data: {"error":{"message":"Service Unavailable","type":"internal_server_error"}}\n\n',
      contentType: 'text/event-stream',
    });
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], stream: true });
    const { text, error: outcome } = await readChatCompletionStreamFailure(stream);
    expect(outcome).toBeInstanceOf(OpenAI.APIError);
    expect((outcome as Error).message).toContain('Service Unavailable');
    expect(text).toBe('Hello');
  });
});

describe('openai SDK through the gateway to DeepSeek (reasoning_content, max_tokens, no developer role)', () => {
  const model = '@deepseek/deepseek-reasoner';
  const received = (index = 0) => deepseek.received[index]!;

  it('streams reasoning_content with usage on the finish chunk, sending max_tokens and developer turns as system', async () => {
    const stream = await client.chat.completions.create({
      model,
      max_completion_tokens: 100,
      messages: [
        { role: 'developer', content: 'answer briefly' },
        { role: 'user', content: 'why is the sky blue' },
      ],
      stream: true,
      stream_options: { include_usage: true },
    });
    const result = await readChatCompletionStream(stream);
    expect(result.reasoning).toBe('Thinking about: why is the sky blue');
    expect(result.text).toBe('echo: why is the sky blue');
    expect(result.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 13, total_tokens: 20, completion_tokens_details: { reasoning_tokens: 7 } });
    expect(received().path).toBe('/v1/chat/completions');
    expect(received().headers.authorization).toBe('Bearer sk-deepseek');
    expect(received().json).toEqual({
      model: 'deepseek-reasoner',
      messages: [
        { role: 'system', content: 'answer briefly' },
        { role: 'user', content: 'why is the sky blue' },
      ],
      max_tokens: 100,
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('sends reasoning_content back after a thinking tool-call turn, as DeepSeek requires', async () => {
    const first = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'call tools' }], tools });
    const message = first.choices[0]!.message as ReasoningMessage;
    expect(message.reasoning_content).toBe('Thinking about: call tools');
    expect(message.tool_calls).toHaveLength(2);

    const { data, response } = await client.chat.completions
      .create({
        model,
        tools,
        messages: [
          { role: 'user', content: 'call tools' },
          { role: 'assistant', content: message.content, reasoning_content: message.reasoning_content, tool_calls: message.tool_calls } as OpenAI.ChatCompletionAssistantMessageParam,
          { role: 'tool', tool_call_id: 'call_0', content: 'sunny' },
          { role: 'tool', tool_call_id: 'call_1', content: 'noon' },
        ],
      })
      .withResponse();
    expect(data.choices[0]!.message.content).toBe('echo: sunny noon');
    expect(received(1).json.messages[1]).toEqual({
      role: 'assistant',
      content: null,
      reasoning_content: 'Thinking about: call tools',
      tool_calls: [
        { id: 'call_0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"city"}' } },
        { id: 'call_1', type: 'function', function: { name: 'get_time', arguments: '{}' } },
      ],
    });
    expect(gatewayWarnings(response)).toEqual([]);
  });
});

describe('openai SDK through the gateway to OpenRouter (no request quirk: byte passthrough)', () => {
  it('forwards the client body untouched, nested provider extras included', async () => {
    const body = {
      model: '@openrouter/anthropic/claude-sonnet-4.5',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'cache me', cache_control: { type: 'ephemeral' } }] }],
      provider: { order: ['anthropic'] },
      max_completion_tokens: 20,
    };
    const completion = await client.chat.completions.create(body as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming);
    expect(completion.choices[0]!.message.content).toBe('echo: cache me');
    expect(openrouter.received[0]!.path).toBe('/v1/chat/completions');
    expect(openrouter.received[0]!.headers.authorization).toBe('Bearer sk-or');
    expect(openrouter.received[0]!.json).toEqual({ ...body, model: 'anthropic/claude-sonnet-4.5' });
  });
});
