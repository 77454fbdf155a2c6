import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CohereMock, startCohereMock } from './cohere-mock.js';

let mock: CohereMock;

beforeAll(async () => {
  mock = await startCohereMock({ apiKey: 'co-key', models: ['command-a-03-2025', 'command-a-reasoning-08-2025'] });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

async function chat(body: unknown, headers: Record<string, string> = { authorization: 'Bearer co-key' }) {
  const response = await fetch(`${mock.baseURL}/v2/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** `event: x\ndata: {...}` frames → [event name, payload]; `data: [DONE]` → ['', '[DONE]']. */
function frames(text: string): Array<[string, any]> {
  expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((frame) => {
      if (frame === 'data: [DONE]') return ['', '[DONE]'];
      const [eventLine, dataLine] = frame.split('\n');
      const payload = JSON.parse(dataLine!.slice('data: '.length));
      expect(eventLine).toBe(`event: ${payload.type}`);
      return [payload.type, payload];
    });
}

const weather = { type: 'function', function: { name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } };
const time = { type: 'function', function: { name: 'time', parameters: { type: 'object', properties: {} } } };

describe('Cohere mock', () => {
  it('echoes the last user turn with usage', async () => {
    const { status, text } = await chat({ model: 'command-a-03-2025', messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hello there' }] });
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      id: expect.stringMatching(/^mock-/),
      message: { role: 'assistant', content: [{ type: 'text', text: 'echo: hello there' }] },
      finish_reason: 'COMPLETE',
      usage: { billed_units: { input_tokens: 4, output_tokens: 3 }, tokens: { input_tokens: 4, output_tokens: 3 }, cached_tokens: 0 },
    });
  });

  it('streams named events ending with [DONE]', async () => {
    const { contentType, text } = await chat({ model: 'command-a-03-2025', stream: true, messages: [{ role: 'user', content: 'two words' }] });
    expect(contentType).toBe('text/event-stream');
    const events = frames(text);
    expect(events.map(([type]) => type)).toEqual(['message-start', 'content-start', 'content-delta', 'content-delta', 'content-delta', 'content-end', 'message-end', '']);
    expect(events.slice(2, 5).map(([, payload]) => payload.delta.message.content.text).join('')).toBe('echo: two words');
    expect(events[6]![1].delta.finish_reason).toBe('COMPLETE');
  });

  it('plans and calls every tool when asked, then echoes the tool results with citations', async () => {
    const first = JSON.parse((await chat({ model: 'command-a-03-2025', messages: [{ role: 'user', content: 'please call tools' }], tools: [weather, time] })).text);
    expect(first.finish_reason).toBe('TOOL_CALL');
    expect(first.message.tool_plan).toBe('I will call weather and time.');
    expect(first.message.tool_calls).toEqual([
      { id: 'weather_mock0', type: 'function', function: { name: 'weather', arguments: '{"city":"city"}' } },
      { id: 'time_mock1', type: 'function', function: { name: 'time', arguments: '{}' } },
    ]);

    const second = JSON.parse(
      (
        await chat({
          model: 'command-a-03-2025',
          tools: [weather, time],
          messages: [
            { role: 'user', content: 'please call tools' },
            { role: 'assistant', tool_plan: first.message.tool_plan, tool_calls: first.message.tool_calls },
            { role: 'tool', tool_call_id: 'weather_mock0', content: [{ type: 'text', text: 'sunny' }] },
            { role: 'tool', tool_call_id: 'time_mock1', content: 'noon' },
          ],
        })
      ).text,
    );
    expect(second.message.content).toEqual([{ type: 'text', text: 'echo: sunny noon' }]);
    expect(second.message.citations).toEqual([
      {
        start: 0,
        end: 4,
        text: 'echo',
        sources: [
          { type: 'tool', id: 'weather_mock0:0', tool_output: { text: 'sunny' } },
          { type: 'tool', id: 'time_mock1:0', tool_output: { text: 'noon' } },
        ],
        type: 'TEXT_CONTENT',
        content_index: 0,
      },
    ]);
  });

  it('streams thinking, the tool plan and argument pieces', async () => {
    const events = frames(
      (
        await chat({
          model: 'command-a-reasoning-08-2025',
          stream: true,
          thinking: { type: 'enabled', token_budget: 100 },
          tool_choice: 'REQUIRED',
          tools: [weather],
          messages: [{ role: 'user', content: 'weather?' }],
        })
      ).text,
    );
    const types = events.map(([type]) => type);
    expect(types.slice(0, 2)).toEqual(['message-start', 'content-start']);
    expect(types).toContain('tool-plan-delta');
    expect(events.filter(([type]) => type === 'tool-call-delta').map(([, payload]) => payload.delta.message.tool_calls.function.arguments).join('')).toBe('{"city":"city"}');
    expect(events.filter(([type]) => type === 'content-delta').map(([, payload]) => payload.delta.message.content.thinking).join('')).toBe('Thinking about: weather?');
  });

  it('answers an instance of a JSON schema, and cuts at max_tokens and stop sequences', async () => {
    const json = JSON.parse(
      (await chat({ model: 'command-a-03-2025', messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_object', json_schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } } })).text,
    );
    expect(JSON.parse(json.message.content[0].text)).toEqual({ name: 'name' });
    const cut = JSON.parse((await chat({ model: 'command-a-03-2025', max_tokens: 2, messages: [{ role: 'user', content: 'one two three' }] })).text);
    expect(cut).toMatchObject({ finish_reason: 'MAX_TOKENS', message: { content: [{ text: 'echo: one' }] } });
    const stopped = JSON.parse((await chat({ model: 'command-a-03-2025', stop_sequences: ['two'], messages: [{ role: 'user', content: 'one two three' }] })).text);
    expect(stopped).toMatchObject({ finish_reason: 'STOP_SEQUENCE', message: { content: [{ text: 'echo: one' }] } });
  });

  it("refuses what Cohere refuses, with Cohere's error bodies", async () => {
    expect(await chat({ model: 'command-a-03-2025', messages: [{ role: 'user', content: 'x' }] }, {})).toMatchObject({ status: 401, text: expect.stringContaining('no api key supplied') });
    expect((await chat({ model: 'nope', messages: [{ role: 'user', content: 'x' }] })).status).toBe(404);
    expect(JSON.parse((await chat({ model: 'command-a-03-2025', top_p: 1, messages: [{ role: 'user', content: 'x' }] })).text).message).toMatch(/top_p/);
    expect((await chat({ model: 'command-a-03-2025', tool_choice: 'REQUIRED', messages: [{ role: 'user', content: 'x' }] })).status).toBe(400);
    expect((await chat({ model: 'command-a-03-2025', messages: [{ role: 'tool', tool_call_id: 'c', content: 'x' }] })).status).toBe(400);
  });

  it('fails a stream with message-end ERROR when asked', async () => {
    mock.streamErrorNext({ afterEvents: 3, message: 'boom' });
    const events = frames((await chat({ model: 'command-a-03-2025', stream: true, messages: [{ role: 'user', content: 'a b c' }] })).text);
    expect(events.map(([type]) => type)).toEqual(['message-start', 'content-start', 'content-delta', 'message-end', '']);
    expect(events[3]![1].delta).toEqual({ finish_reason: 'ERROR', error: 'boom' });
  });
});
