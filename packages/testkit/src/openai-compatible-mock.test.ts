import { afterEach, describe, expect, it } from 'vitest';
import { startOpenAICompatibleMock, type OpenAICompatibleMock } from './openai-compatible-mock.js';

let mock: OpenAICompatibleMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const post = (body: object, headers: Record<string, string> = {}) =>
  fetch(`${mock!.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const chunksOf = async (response: Response) =>
  (await response.text())
    .split('\n\n')
    .filter((frame) => frame.startsWith('data: ') && frame !== 'data: [DONE]')
    .map((frame) => JSON.parse(frame.slice('data: '.length)));

const tools = [
  { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
  { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
];

describe('OpenAI-compatible mock', () => {
  it('plays Groq: reasoning in `reasoning`, usage under x_groq on the finish chunk, at /openai/v1', async () => {
    mock = await startOpenAICompatibleMock({ apiKey: 'gsk', basePath: '/openai/v1', reasoningField: 'reasoning', usageInStream: 'x_groq' });
    expect(mock.baseURL).toMatch(/\/openai\/v1$/);
    expect((await post({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })).status).toBe(401);

    const chunks = await chunksOf(
      await post({ model: 'qwen', reasoning_format: 'parsed', stream: true, messages: [{ role: 'user', content: 'hello there' }] }, { authorization: 'Bearer gsk' }),
    );
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.reasoning ?? '').join('')).toBe('Thinking about: hello there');
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('echo: hello there');
    const finish = chunks.at(-1)!;
    expect(finish.choices[0].finish_reason).toBe('stop');
    expect(finish.x_groq.usage).toEqual({ prompt_tokens: 2, completion_tokens: 7, total_tokens: 9, completion_tokens_details: { reasoning_tokens: 4 } });
    expect(finish).not.toHaveProperty('usage');
  });

  it('plays DeepSeek: reasoning_content, usage on the finish chunk', async () => {
    mock = await startOpenAICompatibleMock({ reasoningField: 'reasoning_content', usageInStream: 'finish-chunk' });
    const answer: any = await (await post({ model: 'deepseek-reasoner', messages: [{ role: 'user', content: 'why' }] })).json();
    expect(answer.choices[0].message).toMatchObject({ content: 'echo: why', reasoning_content: 'Thinking about: why' });
    const chunks = await chunksOf(await post({ model: 'deepseek-reasoner', stream: true, messages: [{ role: 'user', content: 'why' }] }));
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 5 } });
  });

  it('plays Mistral: whole tool calls without index or type on the finish chunk, 9-character ids', async () => {
    mock = await startOpenAICompatibleMock({ toolCallsWithoutIndex: true, usageInStream: 'finish-chunk', toolCallIdPattern: /^[a-zA-Z0-9]{9}$/, errorStyle: 'mistral' });
    const chunks = await chunksOf(await post({ model: 'mistral-small-latest', stream: true, tools, messages: [{ role: 'user', content: 'call tools' }] }));
    expect(chunks).toHaveLength(2);
    expect(chunks[1].choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      delta: {
        tool_calls: [
          { id: 'mockcall0', function: { name: 'get_weather', arguments: '{"city":"city"}' } },
          { id: 'mockcall1', function: { name: 'get_time', arguments: '{}' } },
        ],
      },
    });
    expect(chunks[1].choices[0].delta.tool_calls[0]).not.toHaveProperty('index');
    expect(chunks[1].choices[0].delta.tool_calls[0]).not.toHaveProperty('type');
    expect(chunks[1].usage).toBeDefined();

    const refused = await post({ model: 'm', messages: [{ role: 'assistant', content: null, tool_calls: [{ id: 'call_123', type: 'function', function: { name: 'f', arguments: '{}' } }] }] });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ object: 'error', type: 'invalid_function_call', message: expect.stringContaining('call_123') });
  });

  it('plays magistral thinking chunks, answers and deltas', async () => {
    mock = await startOpenAICompatibleMock({ reasoningField: 'thinking-chunks' });
    const answer: any = await (await post({ model: 'magistral-medium-latest', messages: [{ role: 'user', content: 'two plus two' }] })).json();
    expect(answer.choices[0].message.content).toEqual([
      { type: 'thinking', thinking: [{ type: 'text', text: 'Thinking about: two plus two' }] },
      { type: 'text', text: 'echo: two plus two' },
    ]);
    const chunks = await chunksOf(await post({ model: 'magistral-medium-latest', stream: true, messages: [{ role: 'user', content: 'two' }] }));
    expect(chunks[1].choices[0].delta.content).toEqual([{ type: 'thinking', thinking: [{ type: 'text', text: 'Thinking' }] }]);
    expect(chunks.at(-2).choices[0].delta.content).toEqual([{ type: 'text', text: ' two' }]);
  });

  it('refuses fields the way the strict server does', async () => {
    mock = await startOpenAICompatibleMock({ refuseFields: ['max_completion_tokens', 'messages.name'], errorStyle: 'mistral' });
    const response = await post({ model: 'm', max_completion_tokens: 5, messages: [{ role: 'user', content: 'x', name: 'ann' }] });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      object: 'error',
      message: {
        detail: [
          { type: 'extra_forbidden', loc: ['body', 'max_completion_tokens'], msg: 'Extra inputs are not permitted' },
          { type: 'extra_forbidden', loc: ['body', 'messages', '0', 'name'], msg: 'Extra inputs are not permitted' },
        ],
      },
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
  });

  it('counts xAI reasoning outside completion_tokens and sends usage only when asked, after the finish', async () => {
    mock = await startOpenAICompatibleMock({ reasoningField: 'reasoning_content', reasoningTokensOutsideCompletion: true });
    const chunks = await chunksOf(
      await post({ model: 'grok-3-mini', reasoning_effort: 'low', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'a b' }] }),
    );
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 9, completion_tokens_details: { reasoning_tokens: 4 } } });
  });
});
