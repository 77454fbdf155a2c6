import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAIMock, type OpenAIMock } from './openai-mock.js';

let mock: OpenAIMock;
let client: OpenAI;

beforeAll(async () => {
  mock = await startOpenAIMock({ apiKey: 'sk-test' });
  client = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const weatherTools: OpenAI.Chat.ChatCompletionTool[] = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
  { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
];

describe('OpenAI mock through the official SDK', () => {
  it('answers a non-streamed completion with the echo and word-counted usage', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'hello there world' },
      ],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.model).toBe('gpt-4o-mini');
    expect(completion.choices[0]!.message).toMatchObject({ role: 'assistant', content: 'echo: hello there world' });
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 });
  });

  it('streams with include_usage exactly as OpenAI frames it', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'stream me please' }] }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Chat.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('echo: stream me please');
    expect(chunks[0]!.choices[0]!.delta).toMatchObject({ role: 'assistant', content: '' });
    // One content delta per word, then the finish chunk, then the usage chunk.
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.content).length).toBe(4);
    const finish = chunks[chunks.length - 2]!;
    expect(finish.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
    const usage = chunks[chunks.length - 1]!;
    expect(usage.choices).toEqual([]);
    expect(usage.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.system_fingerprint === 'fp_mock')).toBe(true);
  });

  it('frames the raw stream bytes with data lines, [DONE] and the SSE content type', async () => {
    const response = await fetch(`${mock.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true }),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    const raw = await response.text();
    const events = raw.split('\n\n').filter(Boolean);
    expect(events.every((event) => event.startsWith('data: '))).toBe(true);
    expect(events[events.length - 1]).toBe('data: [DONE]');
    // Without include_usage the chunks carry no usage key at all.
    expect(raw).not.toContain('"usage"');
  });

  it('calls every tool in parallel when asked to "call tools", streamed and not', async () => {
    const request = {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user' as const, content: 'Please call tools now' }],
      tools: weatherTools,
    };
    const completion = await client.chat.completions.create(request);
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(completion.choices[0]!.message.content).toBeNull();
    expect(completion.choices[0]!.message.tool_calls).toEqual([
      { id: 'call_0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"city"}' } },
      { id: 'call_1', type: 'function', function: { name: 'get_time', arguments: '{}' } },
    ]);

    const stream = await client.chat.completions.create({ ...request, stream: true });
    const calls: Array<{ id?: string; name?: string; arguments: string }> = [];
    let finishReason: string | null = null;
    for await (const chunk of stream) {
      for (const delta of chunk.choices[0]?.delta.tool_calls ?? []) {
        calls[delta.index] ??= { arguments: '' };
        if (delta.id) calls[delta.index]!.id = delta.id;
        if (delta.function?.name) calls[delta.index]!.name = delta.function.name;
        calls[delta.index]!.arguments += delta.function?.arguments ?? '';
      }
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
    }
    expect(calls).toEqual([
      { id: 'call_0', name: 'get_weather', arguments: '{"city":"city"}' },
      { id: 'call_1', name: 'get_time', arguments: '{}' },
    ]);
    expect(finishReason).toBe('tool_calls');
  });

  it('accumulates a streamed tool-call answer with the SDK stream helper', async () => {
    const runner = client.chat.completions.stream({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'call tools' }],
      tools: weatherTools,
      parallel_tool_calls: false,
    });
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]!.message.tool_calls).toHaveLength(1);
    expect(final.choices[0]!.message.tool_calls![0]).toMatchObject({ id: 'call_0', function: { name: 'get_weather' } });
  });

  it('cuts the reply at max_completion_tokens with finish_reason length', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'one two three four' }],
      max_completion_tokens: 2,
    });
    expect(completion.choices[0]!.message.content).toBe('echo: one');
    expect(completion.choices[0]!.finish_reason).toBe('length');
  });

  it('answers OpenAI-shaped errors for a bad key, a missing model and missing messages', async () => {
    const wrongKey = new OpenAI({ apiKey: 'sk-wrong-key-123456', baseURL: mock.baseURL, maxRetries: 0 });
    const unauthorized = await wrongKey.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
      .catch((error) => error);
    expect(unauthorized).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' });

    const missingKey = await fetch(`${mock.baseURL}/models`);
    expect(missingKey.status).toBe(401);
    expect(((await missingKey.json()) as any).error.code).toBe('invalid_api_key');

    const noModel = await client.chat.completions
      .create({ messages: [{ role: 'user', content: 'hi' }] } as any)
      .catch((error) => error);
    expect(noModel).toBeInstanceOf(OpenAI.BadRequestError);
    expect(noModel.error).toMatchObject({ message: 'you must provide a model parameter', type: 'invalid_request_error' });

    const noMessages = await client.chat.completions.create({ model: 'gpt-4o-mini' } as any).catch((error) => error);
    expect(noMessages).toBeInstanceOf(OpenAI.BadRequestError);
    expect(noMessages.error).toMatchObject({ param: 'messages', code: 'missing_required_parameter' });
  });

  it('lists models', async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toEqual(['gpt-4o-mini', 'gpt-4o']);
  });

  it('records what the client sent', async () => {
    await client.chat.completions.create(
      { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], temperature: 0.5 },
      { headers: { 'X-Custom-Header': 'yes' }, query: { trace: '1' } },
    );
    const [request] = await mock.waitForRequests(1);
    expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/completions?trace=1', aborted: false });
    expect(request!.headers.authorization).toBe('Bearer sk-test');
    expect(request!.headers['x-custom-header']).toBe('yes');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.json).toEqual({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], temperature: 0.5 });
    expect(JSON.parse(request!.body)).toEqual(request!.json);
  });
});

describe('OpenAI mock options', () => {
  it('sizes replies with `words` and spaces chunks with `streamDelayMs`', async () => {
    const sized = await startOpenAIMock({ words: 6, streamDelayMs: 5, recordRequests: false });
    try {
      const sdk = new OpenAI({ apiKey: 'any', baseURL: sized.baseURL, maxRetries: 0 });
      const completion = await sdk.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'a b' }] });
      expect(completion.choices[0]!.message.content).toBe('echo: a b a b a');

      const started = performance.now();
      const stream = await sdk.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'a b' }], stream: true });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      expect(text).toBe('echo: a b a b a');
      // 9 events (role, 6 words, finish, [DONE]) with 5 ms between them.
      expect(performance.now() - started).toBeGreaterThanOrEqual(30);
      expect(sized.received).toEqual([]);
    } finally {
      await sized.close();
    }
  });
});
