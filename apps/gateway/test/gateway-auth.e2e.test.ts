import Anthropic from '@anthropic-ai/sdk';
import { type OpenAIMock, startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// With `apiKeys` configured, the gateway itself requires a key on every route but /health, takes
// it wherever the client's SDK puts one, and never passes it upstream as a provider key.
describe('gateway API keys', () => {
  const gatewayKey = 'sy-test-key-0123456789abcdef';
  let gateway: TestGateway;
  let upstream: OpenAIMock;

  beforeAll(async () => {
    upstream = await startOpenAIMock({ apiKey: 'sk-provider-secret' });
    gateway = await startTestGateway({
      apiKeys: ['sy-other-key-aaaaaaaaaaaaaaaa', gatewayKey],
      providers: { openai: { adapter: 'openai', apiKey: 'sk-provider-secret', baseURL: `${upstream.url}/v1` } },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('serves an openai SDK client whose apiKey is the gateway key, sending the catalog key upstream instead', async () => {
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: gatewayKey, maxRetries: 0 });
    const completion = await client.chat.completions.create({ model: '@openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });
    expect(completion.choices[0]!.message.content).toBeTruthy();
    const received = upstream.received.at(-1)!;
    expect(received.headers.authorization).toBe('Bearer sk-provider-secret');
    expect(JSON.stringify(received.headers)).not.toContain(gatewayKey);
  });

  it('refuses a missing or wrong key with 401 in the client format, without calling the provider', async () => {
    const before = upstream.received.length;
    const wrong = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'sy-wrong-key-0000000000000000', maxRetries: 0 });
    const error = await wrong.chat.completions.create({ model: '@openai/gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as InstanceType<typeof OpenAI.AuthenticationError>).message).toMatch(/not valid/);

    const missing = await fetch(`${gateway.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(401);
    const body = (await missing.json()) as { type: string; error: { type: string; message: string } };
    expect(body.type).toBe('error');
    expect(body.error.type).toBe('authentication_error');
    expect(body.error.message).toMatch(/requires an API key/);

    const models = await fetch(`${gateway.url}/v1/models`);
    expect(models.status).toBe(401);
    expect(upstream.received.length).toBe(before);
  });

  it('accepts the key as x-api-key (Anthropic SDK) and as x-switchyard-api-key / x-portkey-api-key', async () => {
    const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: gatewayKey, maxRetries: 0 });
    const message = await anthropic.messages.create({ model: '@mock/echo-1', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] });
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'echo: hi' });
    for (const header of ['x-switchyard-api-key', 'x-portkey-api-key']) {
      const response = await fetch(`${gateway.url}/v1/models`, { headers: { [header]: gatewayKey } });
      expect(response.status, header).toBe(200);
    }
  });

  it('keeps GET /health open for load balancers', async () => {
    expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
  });
});
