import { createSseParser } from '@switchyard/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mockThinkingSignature, redactedThinkingTrigger, startAnthropicMock, type AnthropicMock } from './anthropic-mock.js';
import { fixturesFor } from './fixtures.js';
import { recordedAnswer } from './recorded-answer.js';

let mock: AnthropicMock;

beforeAll(async () => {
  mock = await startAnthropicMock({ apiKey: 'sk-ant-test' });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const headers = { 'x-api-key': 'sk-ant-test', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' };

async function post(body: unknown, extraHeaders: Record<string, string> = {}) {
  const response = await fetch(`${mock.baseURL}/messages`, {
    method: 'POST',
    headers: { ...headers, ...extraHeaders },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function message(body: Record<string, unknown>, extraHeaders: Record<string, string> = {}) {
  const answer = await post({ model: 'claude-sonnet-4-5', max_tokens: 1024, ...body }, extraHeaders);
  return { ...answer, json: JSON.parse(answer.text) };
}

function events(text: string): Array<{ event?: string; data: any }> {
  const parser = createSseParser();
  return [...parser.push(text), ...parser.end()].map((frame) => ({ event: frame.event, data: JSON.parse(frame.data) }));
}

const tools = [
  { name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
  { name: 'get_time', input_schema: { type: 'object', properties: {} } },
];

describe('Anthropic mock', () => {
  it('echoes the last user text with word-counted usage and a request id', async () => {
    const { status, headers: responseHeaders, json } = await message({
      system: 'be brief',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hello there world' }] }],
    });
    expect(status).toBe(200);
    expect(responseHeaders.get('request-id')).toMatch(/^req_mock/);
    expect(json).toEqual({
      id: expect.stringMatching(/^msg_mock/),
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [{ type: 'text', text: 'echo: hello there world' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: 5,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
        output_tokens: 4,
        service_tier: 'standard',
      },
    });
    expect(mock.received[0]!.json.system).toBe('be brief');
  });

  it('answers Anthropic-shaped errors for the key, the version header and max_tokens', async () => {
    const wrongKey = await post({ model: 'm', max_tokens: 1, messages: [] }, { 'x-api-key': 'nope' });
    expect(wrongKey.status).toBe(401);
    expect(JSON.parse(wrongKey.text)).toMatchObject({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });

    const response = await fetch(`${mock.baseURL}/messages`, {
      method: 'POST',
      headers: { 'x-api-key': 'sk-ant-test', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', max_tokens: 1, messages: [] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error', message: 'anthropic-version: header is required' } });

    const noMax = await post({ model: 'm', messages: [] });
    expect(JSON.parse(noMax.text)).toMatchObject({ error: { type: 'invalid_request_error', message: 'max_tokens: Field required' } });

    const unknown = await fetch(`${mock.url}/v1/complete`, { method: 'POST', headers });
    expect(unknown.status).toBe(404);
  });

  it('calls every tool when asked to "call tools", one when parallel use is off', async () => {
    const request = { tools, messages: [{ role: 'user', content: 'Please call tools now' }] };
    const { json } = await message(request);
    expect(json.stop_reason).toBe('tool_use');
    expect(json.content).toEqual([
      { type: 'tool_use', id: 'toolu_mock_0', name: 'get_weather', input: { city: 'city' } },
      { type: 'tool_use', id: 'toolu_mock_1', name: 'get_time', input: {} },
    ]);
    const single = await message({ ...request, tool_choice: { type: 'auto', disable_parallel_tool_use: true } });
    expect(single.json.content).toHaveLength(1);
    const none = await message({ ...request, tool_choice: { type: 'none' } });
    expect(none.json.content[0]).toEqual({ type: 'text', text: 'echo: Please call tools now' });
  });

  it('echoes tool results and checks that each answers a call of the previous turn', async () => {
    const history = [
      { role: 'user', content: 'call tools' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_mock_0', name: 'get_weather', input: { city: 'Paris' } }] },
    ];
    const { json } = await message({
      tools,
      messages: [...history, { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_mock_0', content: 'sunny and warm' }] }],
    });
    expect(json.content).toEqual([{ type: 'text', text: 'echo: sunny and warm' }]);

    const wrongId = await message({
      tools,
      messages: [
        ...history,
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_mock_0', content: 'x' },
            { type: 'tool_result', tool_use_id: 'toolu_x', content: 'x' },
          ],
        },
      ],
    });
    expect(wrongId.status).toBe(400);
    expect(wrongId.json.error.message).toContain('unexpected `tool_use_id` found in `tool_result` blocks: toolu_x');

    const unanswered = await message({ tools, messages: [...history, { role: 'user', content: 'what now?' }] });
    expect(unanswered.json.error.message).toContain('`tool_use` ids were found without `tool_result` blocks immediately after: toolu_mock_0');
  });

  it('thinks first with a signature it verifies when the block comes back', async () => {
    const thinking = { type: 'enabled', budget_tokens: 1024 };
    const first = await message({ thinking, tools, messages: [{ role: 'user', content: 'call tools please' }], max_tokens: 2048 });
    const [block] = first.json.content;
    expect(block).toEqual({ type: 'thinking', thinking: 'Thinking about: call tools please', signature: mockThinkingSignature('Thinking about: call tools please') });

    const results = first.json.content
      .filter((entry: any) => entry.type === 'tool_use')
      .map((entry: any) => ({ type: 'tool_result', tool_use_id: entry.id, content: `${entry.name} done` }));
    const next = [{ role: 'user', content: 'call tools please' }, { role: 'assistant', content: first.json.content }, { role: 'user', content: results }];
    const second = await message({ thinking, tools, messages: next, max_tokens: 2048 });
    expect(second.status).toBe(200);
    expect(second.json.content.at(-1)).toEqual({ type: 'text', text: 'echo: get_weather done get_time done' });

    const tampered = structuredClone(next);
    (tampered[1]!.content as any[])[0].thinking = 'edited';
    expect((await message({ thinking, tools, messages: tampered, max_tokens: 2048 })).json.error.message).toBe(
      'messages.1.content.0: Invalid `signature` in `thinking` block',
    );

    const withoutThinking = structuredClone(next);
    (withoutThinking[1]!.content as any[]).shift();
    const refused = await message({ thinking, tools, messages: withoutThinking, max_tokens: 2048 });
    expect(refused.json.error.message).toMatch(/^messages\.1\.content\.0\.type: Expected `thinking` or `redacted_thinking`, but found `tool_use`/);

    const budget = await message({ thinking, messages: [{ role: 'user', content: 'x' }], max_tokens: 1024 });
    expect(budget.json.error.message).toMatch(/^`max_tokens` must be greater than `thinking.budget_tokens`/);
    const temperature = await message({ thinking, temperature: 0.5, messages: [{ role: 'user', content: 'x' }], max_tokens: 2048 });
    expect(temperature.json.error.message).toMatch(/^`temperature` may only be set to 1/);
  });

  it('answers the redacted-thinking trigger with a redacted_thinking block', async () => {
    const { json } = await message({
      thinking: { type: 'enabled', budget_tokens: 1024 },
      max_tokens: 2048,
      messages: [{ role: 'user', content: `${redactedThinkingTrigger}_46C9A13E` }],
    });
    expect(json.content[0]).toMatchObject({ type: 'redacted_thinking', data: expect.any(String) });
    expect(json.content[1].type).toBe('text');
  });

  it('streams the exact event sequence, tool input in pieces', async () => {
    const { text, headers: responseHeaders } = await post({
      model: 'claude-sonnet-4-5',
      max_tokens: 2048,
      stream: true,
      thinking: { type: 'enabled', budget_tokens: 1024 },
      tools,
      messages: [{ role: 'user', content: 'call tools' }],
    });
    expect(responseHeaders.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const frames = events(text);
    expect(frames.every((frame) => frame.event === frame.data.type)).toBe(true);
    const names = frames.map((frame) => frame.event);
    expect(names[0]).toBe('message_start');
    expect(names[1]).toBe('content_block_start');
    expect(names[2]).toBe('ping');
    expect(names.slice(-2)).toEqual(['message_delta', 'message_stop']);
    expect(frames[0]!.data.message.usage).toMatchObject({ input_tokens: 2, output_tokens: 1 });
    expect(frames.filter((frame) => frame.event === 'content_block_start').map((frame) => [frame.data.index, frame.data.content_block.type])).toEqual([
      [0, 'thinking'],
      [1, 'tool_use'],
      [2, 'tool_use'],
    ]);
    expect(frames.some((frame) => frame.data.delta?.type === 'signature_delta' && frame.data.index === 0)).toBe(true);
    const weatherInput = frames.filter((frame) => frame.data.index === 1 && frame.data.delta?.type === 'input_json_delta');
    expect(weatherInput[0]!.data.delta.partial_json).toBe('');
    expect(weatherInput.length).toBeGreaterThan(2);
    expect(JSON.parse(weatherInput.map((frame) => frame.data.delta.partial_json).join(''))).toEqual({ city: 'city' });
    expect(frames.at(-2)!.data).toMatchObject({ delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { input_tokens: 2 } });
  });

  it('cuts at a stop sequence or max_tokens', async () => {
    const stopped = await message({ messages: [{ role: 'user', content: 'one two three four' }], stop_sequences: ['three'] });
    expect(stopped.json).toMatchObject({ content: [{ text: 'echo: one two' }], stop_reason: 'stop_sequence', stop_sequence: 'three' });
    const cut = await message({ messages: [{ role: 'user', content: 'one two three four' }], max_tokens: 2 });
    expect(cut.json).toMatchObject({ content: [{ text: 'echo: one' }], stop_reason: 'max_tokens', stop_sequence: null });
  });

  it('writes a cached prefix on first sight and reads it afterwards', async () => {
    const request = {
      system: [{ type: 'text', text: 'a long shared preamble of seven words', cache_control: { type: 'ephemeral', ttl: '1h' } }],
      messages: [{ role: 'user', content: 'question one' }],
    };
    const first = await message(request);
    expect(first.json.usage).toMatchObject({ input_tokens: 2, cache_creation_input_tokens: 7, cache_read_input_tokens: 0, cache_creation: { ephemeral_1h_input_tokens: 7 } });
    const second = await message({ ...request, messages: [{ role: 'user', content: 'another question here' }] });
    expect(second.json.usage).toMatchObject({ input_tokens: 3, cache_creation_input_tokens: 0, cache_read_input_tokens: 7 });
  });

  it('answers a structured-output request with an instance of the schema', async () => {
    const { json } = await message({
      messages: [{ role: 'user', content: 'amount?' }],
      output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { amount: { type: 'number' }, note: { type: 'string' } } } } },
    });
    expect(JSON.parse(json.content[0].text)).toEqual({ amount: 0, note: 'note' });
    const beta = await message({ messages: [{ role: 'user', content: 'x' }], output_format: { type: 'json_schema', schema: { type: 'object' } } });
    expect(beta.status).toBe(400);
  });

  it("answers a status fault with Anthropic's error body", async () => {
    mock.failNext({ status: 529 });
    const overloaded = await post({ model: 'm', max_tokens: 1, messages: [] });
    expect(overloaded.status).toBe(529);
    expect(JSON.parse(overloaded.text)).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' }, request_id: 'req_mock_fault' });
  });
});

const lookup = fixturesFor('anthropic');
describe.skipIf(!lookup.found)('Anthropic mock replays', () => {
  it('serves a recorded stream byte for byte', async () => {
    const fixtures = lookup.found ? lookup.fixtures : undefined!;
    mock.replayNext(recordedAnswer(fixtures, 'text-stream'));
    const { status, text } = await post({ model: 'm', max_tokens: 1, messages: [], stream: true });
    expect(status).toBe(200);
    expect(text).toBe(fixtures.text('text-stream.sse'));
  });
});
