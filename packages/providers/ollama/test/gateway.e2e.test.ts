import { serveGatewayForAdapters, type ServingGateway } from '@switchyard/server';
import { createTestCallContext, readChatCompletionStream, readChatCompletionStreamFailure, startOllamaMock, type OllamaMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createOllamaProvider, listOllamaModels } from '../src/index.js';

// The official openai SDK -> the gateway's /v1/chat/completions -> the Ollama adapter (native
// /api/chat, or the OpenAI-compatible endpoint when configured) -> the testkit's Ollama mock.
describe('openai SDK through the gateway to an Ollama upstream', () => {
  let upstream: OllamaMock;
  let gateway: ServingGateway;
  let client: OpenAI;
  const model = '@ollama/llama3.2';

  beforeAll(async () => {
    upstream = await startOllamaMock({ models: ['llama3.2', 'llava', 'qwen3'] });
    gateway = await serveGatewayForAdapters({
      adapters: [createOllamaProvider()],
      entries: [
        { slug: 'ollama', adapter: 'ollama', settings: { baseURL: upstream.baseURL } },
        { slug: 'ollama-openai', adapter: 'ollama', settings: { baseURL: upstream.baseURL, options: { api: 'openai' } } },
      ],
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gateway-client-key', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });
  beforeEach(() => upstream.reset());

  const received = (index = 0) => upstream.received[index]!;

  it('answers a non-streamed completion, sampling settings in options under Ollama’s names', async () => {
    const completion = await client.chat.completions.create({
      model,
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'developer', content: 'answer in English' },
        { role: 'user', content: 'hello ollama' },
      ],
      temperature: 0.2,
      top_p: 0.9,
      seed: 7,
      max_completion_tokens: 50,
      stop: ['never-seen'],
    });
    expect(completion.id).toMatch(/^ollama-[0-9a-f]{24}$/);
    expect(completion.model).toBe('llama3.2');
    expect(completion.choices[0]!.message.content).toBe('echo: hello ollama');
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 });

    expect(received().path).toBe('/api/chat');
    expect(received().headers).not.toHaveProperty('authorization');
    expect(received().json).toEqual({
      model: 'llama3.2',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'system', content: 'answer in English' },
        { role: 'user', content: 'hello ollama' },
      ],
      options: { temperature: 0.2, top_p: 0.9, seed: 7, num_predict: 50, stop: ['never-seen'] },
      stream: false,
    });
  });

  it('streams NDJSON into SDK chunks, with usage', async () => {
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
    expect(received().headers.accept).toBe('application/x-ndjson');
    expect(received().json).toMatchObject({ stream: true });
    expect(received().json.messages.map((message: { role: string }) => message.role)).toEqual(['user', 'assistant', 'user']);
  });

  const tools: OpenAI.ChatCompletionTool[] = [
    { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
    { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
  ];

  it('carries parallel tool calls with stable minted ids, and the follow-up turn by tool name and id', async () => {
    const first = await client.chat.completions.stream({ model, messages: [{ role: 'user', content: 'please call tools' }], tools }).finalChatCompletion();
    const message = first.choices[0]!.message;
    expect(first.choices[0]!.finish_reason).toBe('tool_calls');
    expect(message.tool_calls).toEqual([
      { id: expect.stringMatching(/^call_[0-9a-f]{24}$/), type: 'function', function: { name: 'get_weather', arguments: '{"city":"city"}' } },
      { id: expect.stringMatching(/^call_[0-9a-f]{24}$/), type: 'function', function: { name: 'get_time', arguments: '{}' } },
    ]);
    expect(received().json.tools).toEqual(tools);
    const [weather, time] = message.tool_calls! as OpenAI.ChatCompletionMessageFunctionToolCall[];
    expect(weather!.id).not.toBe(time!.id);

    const followUp = await client.chat.completions.create({
      model,
      tools,
      messages: [
        { role: 'user', content: 'please call tools' },
        message,
        { role: 'tool', tool_call_id: weather!.id, content: 'sunny' },
        { role: 'tool', tool_call_id: time!.id, content: 'noon' },
      ],
    });
    expect(followUp.choices[0]!.message.content).toBe('echo: sunny noon');
    expect(received(1).json.messages).toEqual([
      { role: 'user', content: 'please call tools' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          { id: weather!.id, function: { name: 'get_weather', arguments: { city: 'city' } } },
          { id: time!.id, function: { name: 'get_time', arguments: {} } },
        ],
      },
      { role: 'tool', content: 'sunny', tool_name: 'get_weather', tool_call_id: weather!.id },
      { role: 'tool', content: 'noon', tool_name: 'get_time', tool_call_id: time!.id },
    ]);
  });

  it('sends images as base64 and refuses image URLs without calling Ollama', async () => {
    const completion = await client.chat.completions.create({
      model: '@ollama/llava',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'what is this' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
          ],
        },
      ],
    });
    expect(completion.choices[0]!.message.content).toBe('echo: what is this');
    expect(received().json.messages).toEqual([{ role: 'user', content: 'what is this', images: ['iVBORw0KGgo='] }]);

    const refused = await client.chat.completions
      .create({ model: '@ollama/llava', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } }] }] })
      .catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as Error).message).toContain('base64');
    expect(upstream.received).toHaveLength(1);
  });

  it('thinks at the level of reasoning_effort, streams the thinking, and sends it back on the next turn', async () => {
    const stream = await client.chat.completions.create({ model: '@ollama/qwen3', reasoning_effort: 'high', messages: [{ role: 'user', content: 'think about this' }], stream: true });
    const { reasoning, text } = await readChatCompletionStream(stream);
    expect(received().json.think).toBe('high');
    expect(reasoning).toBe('Thinking about: think about this');
    expect(text).toBe('echo: think about this');

    const next = await client.chat.completions.create({
      model: '@ollama/qwen3',
      reasoning_effort: 'none',
      messages: [
        { role: 'user', content: 'think about this' },
        { role: 'assistant', content: text, reasoning_content: reasoning } as OpenAI.ChatCompletionAssistantMessageParam,
        { role: 'user', content: 'and now?' },
      ],
    });
    expect(received(1).json.think).toBe(false);
    expect(received(1).json.messages[1]).toEqual({ role: 'assistant', content: 'echo: think about this', thinking: 'Thinking about: think about this' });
    expect(next.choices[0]!.message.content).toBe('echo: and now?');
  });

  it('sends a json_schema response format as format, the schema itself', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' }, population: { type: 'integer' } }, required: ['city', 'population'] };
    const completion = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'a city please' }],
      response_format: { type: 'json_schema', json_schema: { name: 'city', strict: true, schema } },
    });
    expect(received().json.format).toEqual(schema);
    expect(JSON.parse(completion.choices[0]!.message.content!)).toEqual({ city: 'city', population: 0 });
  });

  it('maps Ollama’s errors: a model that is not pulled, a server failure', async () => {
    const missing = await client.chat.completions.create({ model: '@ollama/not-pulled', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
    expect((missing as InstanceType<typeof OpenAI.APIError>).code).toBe('model_not_found');
    expect((missing as Error).message).toContain("model 'not-pulled' not found");

    upstream.failNext({ status: 500, body: { error: 'llama runner process has terminated: signal: killed' } });
    const failed = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], stream: true }).catch((caught: unknown) => caught);
    expect(failed).toBeInstanceOf(OpenAI.InternalServerError);
    expect((failed as Error).message).toContain('llama runner process has terminated');
  });

  it('ends the SDK stream with an exception on Ollama’s mid-stream error line and on a cut connection', async () => {
    upstream.streamFaultNext({ afterChunks: 2, error: 'an error was encountered while running the model: unexpected EOF' });
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'this will fail halfway' }], stream: true });
    const { text, error: outcome } = await readChatCompletionStreamFailure(stream);
    expect(outcome).toBeInstanceOf(OpenAI.APIError);
    expect((outcome as Error).message).toContain('unexpected EOF');
    expect(text).toBe('echo: this');

    upstream.streamFaultNext({ afterChunks: 2 });
    const cut = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'this stream will be cut short' }], stream: true });
    const { error: cutOutcome } = await readChatCompletionStreamFailure(cut);
    expect(cutOutcome).toBeInstanceOf(Error);
  });

  it('reaches a custom host given by Portkey’s headers, bare or with /v1', async () => {
    for (const host of [upstream.url, `${upstream.url}/v1`]) {
      const completion = await client.chat.completions.create(
        { model: 'llama3.2', messages: [{ role: 'user', content: 'portkey headers' }] },
        { headers: { 'x-portkey-provider': 'ollama', 'x-portkey-custom-host': host } },
      );
      expect(completion.choices[0]!.message.content).toBe('echo: portkey headers');
    }
    expect(upstream.received.map((request) => request.path)).toEqual(['/api/chat', '/api/chat']);
  });

  it('speaks the OpenAI-compatible endpoint when configured: text, reasoning, tools', async () => {
    const completion = await client.chat.completions.create({ model: '@ollama-openai/qwen3', reasoning_effort: 'low', messages: [{ role: 'user', content: 'compat please' }] });
    expect(received().path).toBe('/v1/chat/completions');
    expect(received().json).toMatchObject({ model: 'qwen3', reasoning_effort: 'low', stream: false });
    expect(completion.choices[0]!.message.content).toBe('echo: compat please');
    expect((completion.choices[0]!.message as OpenAI.ChatCompletionMessage & { reasoning_content?: string }).reasoning_content).toBe('Thinking about: compat please');

    const final = await client.chat.completions.stream({ model: '@ollama-openai/llama3.2', messages: [{ role: 'user', content: 'please call tools' }], tools }).finalChatCompletion();
    expect(final.choices[0]!.message.tool_calls!.map((call) => call.id)).toEqual(['call_0', 'call_1']);
    expect(received(1).json).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('lists the pulled models from /api/tags', async () => {
    const call = createTestCallContext({ settings: { baseURL: upstream.baseURL } });
    const models = await listOllamaModels(call.context).finally(() => call.close());
    expect(models.map((entry) => entry.id)).toEqual(['llama3.2', 'llava', 'qwen3']);
    expect(models[0]).toMatchObject({ object: 'model', owned_by: 'ollama', created: 1746093600, ollama: { details: { family: 'llama' } } });
    expect(received().path).toBe('/api/tags');
  });
});
