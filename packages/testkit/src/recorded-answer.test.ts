import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixturesFor } from './fixtures.js';
import { startOpenAIMock, type OpenAIMock } from './openai-mock.js';
import { recordedAnswer } from './recorded-answer.js';

let mock: OpenAIMock;
let client: OpenAI;

beforeAll(async () => {
  mock = await startOpenAIMock();
  client = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const request = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hello' }] };

describe('replayNext', () => {
  it('answers with the given bytes, in pieces, then goes back to normal answers', async () => {
    const chunk = (content: string) =>
      `data: {"id":"chatcmpl-x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":${JSON.stringify(content)}},"finish_reason":null}]}\n\n`;
    mock.replayNext({ body: `${chunk('re')}${chunk('played')}data: [DONE]\n\n`, chunkSize: 5, chunkDelayMs: 1 });

    const response = await fetch(`${mock.baseURL}/chat/completions`, { method: 'POST', body: JSON.stringify(request) });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    let reads = 0;
    let raw = '';
    const decoder = new TextDecoder();
    for await (const piece of response.body!) {
      reads++;
      raw += decoder.decode(piece, { stream: true });
    }
    expect(reads).toBeGreaterThan(1);
    expect(raw).toBe(`${chunk('re')}${chunk('played')}data: [DONE]\n\n`);

    const completion = await client.chat.completions.create(request);
    expect(completion.choices[0]!.message.content).toBe('echo: hello');
  });
});

const lookup = fixturesFor('openai-chat');

describe.skipIf(!lookup.found)(`recorded openai-chat answers${lookup.found ? '' : ` (skipped: ${lookup.reason})`}`, () => {
  const fixtures = lookup.found ? lookup.fixtures : undefined!;

  it('replays a recorded usage stream through the SDK, byte for byte', async () => {
    mock.replayNext(recordedAnswer(fixtures, 'text-stream-include-usage', { chunkSize: 37 }));
    const { data: stream, response } = await client.chat.completions
      .create({ ...request, stream: true, stream_options: { include_usage: true } })
      .withResponse();
    expect(response.headers.get('x-request-id')).toBe('req_0b2a28d2d6414b5a94c1c7933cf7c1a6');

    const chunks: OpenAI.Chat.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const recorded = fixtures.text('text-stream-include-usage.sse');
    expect(chunks).toHaveLength(recorded.split('\n').filter((line) => line.startsWith('data: {')).length);
    expect(chunks[chunks.length - 1]!.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 100, total_tokens: 112 });
  });

  it('replays recorded parallel tool-call deltas', async () => {
    mock.replayNext(recordedAnswer(fixtures, 'tool-call-stream-parallel', { chunkSize: 50, chunkDelayMs: 1 }));
    const final = await client.chat.completions.stream({ ...request }).finalChatCompletion();
    expect(final.choices[0]!.finish_reason).toBe('tool_calls');
    expect(final.choices[0]!.message.tool_calls!.map((call) => call.type === 'function' && call.function.name)).toEqual([
      'get_country',
      'get_product_name',
    ]);
  });

  it('replays a recorded completion and a recorded error', async () => {
    mock.replayNext(recordedAnswer(fixtures, 'text'), recordedAnswer(fixtures, 'error-401-invalid-api-key'));
    const completion = await client.chat.completions.create(request);
    expect(completion).toEqual(fixtures.json('text.json'));

    const error = await client.chat.completions.create(request).catch((caught) => caught);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error.code).toBe('invalid_api_key');
    // What the client sent is recorded whatever the answer.
    expect(mock.received.map((received) => received.json.model)).toEqual(['gpt-4o-mini', 'gpt-4o-mini']);
  });
});
