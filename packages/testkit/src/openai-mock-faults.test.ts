import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAIMock, type OpenAIMock } from './openai-mock.js';

// Each fault kind of the base mock server, seen through the official SDK as a client would.
let mock: OpenAIMock;
let client: OpenAI;

beforeAll(async () => {
  mock = await startOpenAIMock();
  client = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 0 });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const request = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hello' }] };

describe('faults through the OpenAI SDK', () => {
  it('answers a queued error status in OpenAI error shape, then recovers', async () => {
    mock.failNext({ status: 500 });
    const error = await client.chat.completions.create(request).catch((caught) => caught);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error.error).toMatchObject({ type: 'server_error' });

    const completion = await client.chat.completions.create(request);
    expect(completion.choices[0]!.message.content).toBe('echo: hello');
  });

  it('sends a given error body and headers, and the SDK retries past it', async () => {
    mock.failNext({ status: 429, headers: { 'retry-after-ms': '10' }, body: { error: { message: 'slow down', type: 'requests', param: null, code: 'rate_limit_exceeded' } } });
    const retrying = new OpenAI({ apiKey: 'sk-test', baseURL: mock.baseURL, maxRetries: 1 });
    const completion = await retrying.chat.completions.create(request);
    expect(completion.choices[0]!.message.content).toBe('echo: hello');
    expect(mock.received).toHaveLength(2);
  });

  it('applies queued faults in order, one per request', async () => {
    mock.failNext({ status: 400 }, { status: 503 });
    await expect(client.chat.completions.create(request)).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    await expect(client.chat.completions.create(request)).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    await expect(client.chat.completions.create(request)).resolves.toBeDefined();
  });

  it('delays the answer by delayMs', async () => {
    mock.failNext({ delayMs: 80 });
    const started = performance.now();
    const completion = await client.chat.completions.create(request);
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    expect(completion.choices[0]!.message.content).toBe('echo: hello');
  });

  it('sees the client give up during a delay (SDK timeout)', async () => {
    mock.failNext({ delayMs: 2_000 });
    const error = await client.chat.completions.create(request, { timeout: 100 }).catch((caught) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    const closed = await mock.waitForClientClose();
    expect(closed.aborted).toBe(true);
  });

  it('stalls after headers until the client aborts, and records the abort', async () => {
    mock.failNext({ stallAfterHeaders: true });
    const controller = new AbortController();
    const stream = await client.chat.completions.create({ ...request, stream: true }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    let events = 0;
    // The SDK ends a stream quietly when its own signal aborts it.
    for await (const _ of stream) events++;
    expect(events).toBe(0);
    expect(controller.signal.aborted).toBe(true);
    const closed = await mock.waitForClientClose();
    expect(closed).toBe(mock.received[0]);
  });

  it('cuts a stream after n events', async () => {
    mock.failNext({ cutAfterEvents: 2 });
    const stream = await client.chat.completions.create({ ...request, stream: true });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
    })().catch((caught) => caught);
    expect(seen).toEqual(['', 'echo:']);
    expect(error).toBeInstanceOf(Error);
    // The server cut the connection: that is not a client abort.
    expect(mock.received[0]!.aborted).toBe(false);
  });

  it('destroys the connection with no answer', async () => {
    mock.failNext({ destroy: true });
    const error = await client.chat.completions.create(request).catch((caught) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(mock.received).toHaveLength(1);
    expect(mock.received[0]!.json.model).toBe('gpt-4o-mini');
  });
});
