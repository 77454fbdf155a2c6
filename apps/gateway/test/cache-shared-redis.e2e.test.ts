import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { type OpenAIMock, startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestGateway, startTestGateway } from './start-test-gateway.js';

// Two gateway instances pointed at one Redis share exact-cache entries: what one stored, the other serves.
const redisUrl = process.env.SWITCHYARD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisUp = await new Promise<boolean>((resolve) => {
  const socket = connect({ host: new URL(redisUrl).hostname, port: Number(new URL(redisUrl).port || 6379) });
  const done = (up: boolean) => (socket.destroy(), resolve(up));
  socket.setTimeout(1000, () => done(false));
  socket.once('connect', () => done(true));
  socket.once('error', () => done(false));
});
if (!redisUp) console.warn(`Skipping the shared Redis cache test: no Redis at ${redisUrl} (set SWITCHYARD_TEST_REDIS_URL).`);

describe.skipIf(!redisUp)('exact cache shared through Redis', () => {
  const keyPrefix = `switchyard-test:${randomUUID()}:`;
  let upstream: OpenAIMock;
  let first: TestGateway;
  let second: TestGateway;

  beforeAll(async () => {
    upstream = await startOpenAIMock({ apiKey: 'sk-upstream' });
    const config = {
      providers: { gpt: { adapter: 'openai', apiKey: 'sk-upstream', baseURL: upstream.baseURL } },
      configs: { cached: { cache: { mode: 'simple', max_age: 60 } } },
      cache: { store: 'redis' as const, redisUrl, keyPrefix },
    };
    first = await startTestGateway(config);
    second = await startTestGateway(config);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await upstream?.close();
    // The entries under this run's unique prefix expire on their own after max_age (60 s).
  });

  const ask = async (gateway: TestGateway, content: string, stream = false) => {
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'x-switchyard-config': 'cached' } });
    if (stream) return { text: (await client.chat.completions.stream({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'user', content }] }).finalChatCompletion()).choices[0]!.message.content, status: undefined };
    const { data, response } = await client.chat.completions.create({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'user', content }] }).withResponse();
    return { text: data.choices[0]!.message.content, status: response.headers.get('x-switchyard-cache-status') };
  };

  it('serves on the second instance what the first stored', async () => {
    const stored = await ask(first, 'shared between instances');
    const served = await ask(second, 'shared between instances');
    expect([stored.status, served.status]).toEqual(['MISS', 'HIT']);
    expect(served.text).toBe('echo: shared between instances');
    expect(upstream.received).toHaveLength(1);
    expect(second.records.at(-1)).toMatchObject({ cacheStatus: 'HIT' });
  });

  it('shares a streamed answer too, replayed as a stream on the other instance', async () => {
    const stored = await ask(first, 'streamed and shared', true);
    const served = await ask(second, 'streamed and shared', true);
    expect(served.text).toBe(stored.text);
    expect(upstream.received.filter((request) => request.json?.messages?.[0]?.content === 'streamed and shared')).toHaveLength(1);
    expect(second.records.at(-1)).toMatchObject({ cacheStatus: 'HIT', stream: true });
  });
});
