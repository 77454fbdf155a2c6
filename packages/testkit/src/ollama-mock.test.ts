import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOllamaMock, type OllamaMock } from './ollama-mock.js';

const json = (response: Response): Promise<any> => response.json();

let mock: OllamaMock;

beforeAll(async () => {
  mock = await startOllamaMock({ models: ['llama3.2', 'qwen3'], toolCallIds: true });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const post = (path: string, body: object) => fetch(`${mock.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const lines = (text: string) => text.trimEnd().split('\n').map((line) => JSON.parse(line));
const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }];

describe('Ollama mock', () => {
  it('streams /api/chat as NDJSON by default, thinking first, then the done chunk with counts', async () => {
    const response = await post('/api/chat', { model: 'qwen3', think: true, messages: [{ role: 'user', content: 'hello there' }] });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const chunks = lines(await response.text());
    expect(chunks.map((chunk) => chunk.message.thinking ?? '').join('')).toBe('Thinking about: hello there');
    expect(chunks.map((chunk) => chunk.message.content).join('')).toBe('echo: hello there');
    expect(chunks.at(-1)).toMatchObject({ done: true, done_reason: 'stop', prompt_eval_count: 2, eval_count: 3 + 4 });
    expect(chunks.slice(0, -1).every((chunk) => chunk.done === false)).toBe(true);
  });

  it('answers stream: false whole, tool calls with object arguments (and ids when asked)', async () => {
    const response = await post('/api/chat', { model: 'llama3.2', stream: false, tools, messages: [{ role: 'user', content: 'call tools' }] });
    const body = await json(response);
    expect(body.message.tool_calls).toEqual([{ id: expect.stringMatching(/^call_mock/), function: { index: 0, name: 'get_weather', arguments: { city: 'city' } } }]);
    expect(body.done_reason).toBe('stop');
  });

  it('answers structured output: json, or a sample of the schema', async () => {
    const jsonMode = await json(await post('/api/chat', { model: 'llama3.2', stream: false, format: 'json', messages: [{ role: 'user', content: 'hi' }] }));
    expect(JSON.parse(jsonMode.message.content)).toEqual({ echo: 'hi' });
    const schema = { type: 'object', properties: { age: { type: 'integer' }, ok: { type: 'boolean' } }, required: ['age', 'ok'] };
    const sampled = await json(await post('/api/chat', { model: 'llama3.2', stream: false, format: schema, messages: [{ role: 'user', content: 'hi' }] }));
    expect(JSON.parse(sampled.message.content)).toEqual({ age: 0, ok: false });
  });

  it('refuses what Ollama refuses: a model not pulled, an image that is not base64', async () => {
    const missing = await post('/api/chat', { model: 'nope', messages: [] });
    expect([missing.status, await json(missing)]).toEqual([404, { error: "model 'nope' not found" }]);
    const url = await post('/api/chat', { model: 'llama3.2', messages: [{ role: 'user', content: 'x', images: ['https://example.com/a.png'] }] });
    expect([url.status, (await json(url)).error]).toEqual([400, 'illegal base64 data at input byte 5']);
  });

  it('ends a stream with an error line, or cuts it, when told to', async () => {
    mock.streamFaultNext({ afterChunks: 1, error: 'boom' });
    const failed = lines(await (await post('/api/chat', { model: 'llama3.2', messages: [{ role: 'user', content: 'a b c' }] })).text());
    expect(failed).toEqual([expect.objectContaining({ done: false }), { error: 'boom' }]);

    mock.streamFaultNext({ afterChunks: 1 });
    const cut = await post('/api/chat', { model: 'llama3.2', messages: [{ role: 'user', content: 'a b c' }] });
    await expect(cut.text()).rejects.toThrow();
  });

  it('lists pulled models on /api/tags and speaks /v1/chat/completions', async () => {
    const tags = await json(await fetch(`${mock.url}/api/tags`));
    expect(tags.models.map((model: { name: string }) => model.name)).toEqual(['llama3.2', 'qwen3']);
    const compat = await json(await post('/v1/chat/completions', { model: 'qwen3', reasoning_effort: 'low', messages: [{ role: 'user', content: 'hi' }] }));
    expect(compat).toMatchObject({ system_fingerprint: 'fp_ollama', choices: [{ message: { content: 'echo: hi', reasoning: 'Thinking about: hi' } }] });
  });
});
