import { type OpenAIMock, startOpenAIMock } from '@switchyard/testkit';
import Portkey from 'portkey-ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// The portkey-ai SDK pointed at the gateway with nothing changed but the base URL: its config,
// provider, customHost and metadata options travel as x-portkey-* headers.
describe('portkey-ai SDK through the gateway', () => {
  let primary: OpenAIMock;
  let backup: OpenAIMock;
  let gateway: TestGateway;

  beforeAll(async () => {
    primary = await startOpenAIMock();
    backup = await startOpenAIMock({ apiKey: 'sk-backup' });
    gateway = await startTestGateway({
      providers: {
        primary: { adapter: 'openai', apiKey: 'sk-primary', baseURL: `${primary.url}/v1` },
        backup: { adapter: 'openai', apiKey: 'sk-backup', baseURL: `${backup.url}/v1` },
      },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await primary?.close();
    await backup?.close();
  });
  beforeEach(() => {
    primary.reset();
    backup.reset();
  });

  it('runs a fallback config given as an object, streamed and not', async () => {
    const portkey = new Portkey({
      baseURL: `${gateway.url}/v1`,
      apiKey: 'portkey-key-unused',
      config: { strategy: { mode: 'fallback' }, targets: [{ provider: '@primary' }, { provider: '@backup' }] },
      metadata: { team: 'search' },
    });
    primary.failNext({ status: 500, body: { error: { message: 'down' } } });
    const completion = await portkey.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi portkey' }] });
    expect(completion.choices?.[0]?.message?.content).toBe('echo: hi portkey');
    expect(backup.received[0]!.headers.authorization).toBe('Bearer sk-backup');
    expect(gateway.records.at(-1)!.metadata).toEqual({ team: 'search' });

    const stream = await portkey.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'stream portkey' }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe('echo: stream portkey');
  });

  it('uses provider, Authorization and customHost options as the header API', async () => {
    const portkey = new Portkey({
      baseURL: `${gateway.url}/v1`,
      apiKey: 'portkey-key-unused',
      provider: 'openai',
      Authorization: 'Bearer sk-backup',
      customHost: `${backup.url}/v1`,
      traceID: 'portkey-trace-1',
    });
    const completion = await portkey.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'custom host' }] });
    expect(completion.choices?.[0]?.message?.content).toBe('echo: custom host');
    expect(backup.received[0]!.headers.authorization).toBe('Bearer sk-backup');
    expect(gateway.records.at(-1)!.traceId).toBe('portkey-trace-1');
  });
});
