import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// A gateway with no keys and no config: the built-in mock provider answers, and bad input gets
// OpenAI-shaped errors naming the problem.
describe('gateway on its built-in defaults', () => {
  let gateway: TestGateway;
  let client: OpenAI;

  beforeAll(async () => {
    gateway = await startTestGateway({ bodyLimitBytes: 64 * 1024 });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 });
  });
  afterAll(async () => gateway?.close());

  async function post(body: string | Buffer, headers: Record<string, string> = {}) {
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as { error: { message: string; type: string; param: string | null } } };
  }

  it('answers with the mock provider when no provider is named, streamed and not', async () => {
    const completion = await client.chat.completions.create({ model: 'echo-1', messages: [{ role: 'user', content: 'hi there' }] });
    expect(completion.choices[0]!.message.content).toBe('echo: hi there');
    const stream = await client.chat.completions.create({ model: '@mock/echo-1', messages: [{ role: 'user', content: 'one two' }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('echo: one two');
    expect(gateway.records.at(-1)).toMatchObject({ provider: 'mock', passthrough: false, stream: true, status: 200 });
  });

  it('reports health and lists the catalog', async () => {
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toContain('@mock/echo-1');
  });

  it('rejects malformed JSON, non-objects, a missing model and wrong types with 400 naming the field', async () => {
    const malformed = await post('{"model": "x", ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.type).toBe('invalid_request_error');
    expect(malformed.body.error.message).toMatch(/not valid JSON/);

    const array = await post('[1,2]');
    expect(array.status).toBe(400);
    expect(array.body.error.message).toMatch(/JSON object/);

    const missingModel = await post(JSON.stringify({ messages: [{ role: 'user', content: 'x' }] }));
    expect(missingModel.status).toBe(400);
    expect(missingModel.body.error.param).toBe('model');

    const wrongType = await post(JSON.stringify({ model: 'echo-1', messages: 'hello' }));
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.param).toBe('messages');

    const badRole = await post(JSON.stringify({ model: 'echo-1', messages: [{ role: 'wizard', content: 'x' }] }));
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.message).toMatch(/wizard/);
  });

  it('rejects an unknown provider with 404 and a disallowed custom host with 400', async () => {
    const unknown = await post(JSON.stringify({ model: '@nope/x', messages: [{ role: 'user', content: 'x' }] }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/Unknown provider "nope"/);

    const ssrf = await post(JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }), {
      'x-switchyard-provider': 'openai',
      'x-switchyard-custom-host': 'http://169.254.169.254/latest',
    });
    expect(ssrf.status).toBe(400);
    expect(ssrf.body.error.param).toBe('x-switchyard-custom-host');
  });

  it('answers 413 for a body over the limit, and stays up', async () => {
    const big = await post(JSON.stringify({ model: 'echo-1', messages: [{ role: 'user', content: 'x'.repeat(100_000) }] }));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/limit/);
    const after = await client.chat.completions.create({ model: 'echo-1', messages: [{ role: 'user', content: 'still up' }] });
    expect(after.choices[0]!.message.content).toBe('echo: still up');
  });

  it('generates a trace id when none is sent', async () => {
    const response = await fetch(`${gateway.url}/health`);
    expect(response.headers.get('x-switchyard-trace-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
