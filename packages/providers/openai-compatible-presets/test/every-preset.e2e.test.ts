import { serveGatewayForAdapters, type ServingGateway } from '@switchyard/server';
import { type OpenAICompatibleMock, readChatCompletionStream, startOpenAICompatibleMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presets } from './all-presets.js';

// Every preset, through the gateway, against a compatible mock that plays that preset's server:
// the same path (base URL path + chat path), the same auth header, its usage placement and
// reasoning field, and refusing the fields the preset strips — so a preset that sends something
// its server refuses, or misreads its answers, fails here. Text and streams for all; tools and
// images where the preset declares them.
const tools: OpenAI.ChatCompletionTool[] = [
  { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
  { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
];

const mocks = new Map<string, OpenAICompatibleMock>();
let gateway: ServingGateway;
let client: OpenAI;

beforeAll(async () => {
  const entries = [];
  for (const [id, preset] of presets) {
    const base = new URL(preset.baseURL);
    const chatPath = (preset as { chatCompletionsPath?: string }).chatCompletionsPath ?? '/chat/completions';
    const basePath = `${base.pathname.replace(/\/+$/, '')}${chatPath.replace(/\/chat\/completions$/, '')}` || '/';
    const auth = preset.auth as { header?: string; scheme?: string } | { none: true };
    const quirks = (preset.quirks ?? {}) as { reasoningField?: 'reasoning_content' | 'reasoning'; usageInStream?: 'final-chunk' | 'finish-chunk' | 'x_groq'; stripFields?: string[] };
    const mock = await startOpenAICompatibleMock({
      apiKey: 'header' in auth && auth.header ? `key-${id}` : undefined,
      authHeader: 'header' in auth ? auth.header : undefined,
      basePath,
      reasoningField: quirks.reasoningField,
      usageInStream: quirks.usageInStream,
      refuseFields: quirks.stripFields?.filter((field) => !field.includes('.')),
    });
    mocks.set(id, mock);
    entries.push({ slug: id, adapter: id, settings: { apiKey: `key-${id}`, baseURL: `${mock.url}${base.pathname.replace(/\/+$/, '')}` } });
  }
  gateway = await serveGatewayForAdapters({ adapters: presets.map(([, , create]) => create()), entries });
  client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'not-a-provider-key', maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.close();
  await Promise.all([...mocks.values()].map((mock) => mock.close()));
});

describe.each(presets.map(([id, preset]) => [id, preset] as const))('preset %s through the gateway', (id, preset) => {
  const model = `@${id}/${preset.models?.[0] ?? 'some-model'}`;

  it('answers a completion, with the key in its header and usage', async () => {
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content: `hello ${id}` }], max_tokens: 50 });
    expect(completion.choices[0]!.message.content).toBe(`echo: hello ${id}`);
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
    const received = mocks.get(id)!.received.at(-1)!;
    const auth = preset.auth as { header?: string; scheme?: string };
    if (auth.header) expect(received.headers[auth.header]).toBe(auth.scheme ? `${auth.scheme} key-${id}` : `key-${id}`);
  });

  it('streams a completion with usage', async () => {
    const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'stream these words' }], stream: true, stream_options: { include_usage: true } });
    const read = await readChatCompletionStream(stream);
    expect(read.text).toBe('echo: stream these words');
    expect(read.usage?.completion_tokens).toBeGreaterThan(0);
  });

  if (preset.capabilities.tools) it('calls tools and takes the tool results back', async () => {
    const first = await client.chat.completions.create({ model, tools, messages: [{ role: 'user', content: 'please call tools' }] });
    const calls = first.choices[0]!.message.tool_calls ?? [];
    expect(calls.length).toBeGreaterThanOrEqual(1);
    const followUp = await client.chat.completions.create({
      model,
      tools,
      messages: [
        { role: 'user', content: 'please call tools' },
        first.choices[0]!.message,
        ...calls.map((call) => ({ role: 'tool' as const, tool_call_id: call.id, content: `result ${call.id}` })),
      ],
    });
    expect(followUp.choices[0]!.message.content).toContain('result');
    const sent = mocks.get(id)!.received.at(-1)!.json as { messages: Array<{ role: string; tool_call_id?: string }> };
    expect(sent.messages.filter((message) => message.role === 'tool').map((message) => message.tool_call_id)).toEqual(calls.map((call) => call.id));
  });

  if (preset.capabilities.images) it('sends an image as a data URL', async () => {
    const image = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const completion = await client.chat.completions.create({
      model,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'what is this' }, { type: 'image_url', image_url: { url: image } }] }],
    });
    expect(completion.choices[0]!.message.content).toContain('echo: what is this');
    expect(JSON.stringify(mocks.get(id)!.received.at(-1)!.json)).toContain(image);
  });

  else it('refuses an image before calling a preset without image input', async () => {
    const before = mocks.get(id)!.received.length;
    const error = await client.chat.completions
      .create({ model, messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/x.png' } }] }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(mocks.get(id)!.received.length).toBe(before);
  });
});
