import { type OpenAIMock, startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestGateway, startTestGateway } from './start-test-gateway.js';

// Cache entries are partitioned by the managed key a request was accepted with: one tenant's
// answers are never served to another, though the gateway strips the key from the request.
const adminKey = 'admin-key-0123456789abcdef';

describe('exact cache with managed gateway keys', () => {
  let gateway: TestGateway;
  let upstream: OpenAIMock;

  beforeAll(async () => {
    upstream = await startOpenAIMock({ apiKey: 'sk-upstream' });
    gateway = await startTestGateway({
      adminKeys: [adminKey],
      access: { store: 'memory', pepper: 'pepper-0123456789abcdef', keyCacheTtlMs: 0 },
      providers: { gpt: { adapter: 'openai', apiKey: 'sk-upstream', baseURL: upstream.baseURL } },
      configs: { cached: { cache: { mode: 'simple', max_age: 60 } } },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  const createKey = async (name: string) => {
    const response = await fetch(`${gateway.url}/admin/keys`, {
      method: 'POST',
      headers: { 'x-switchyard-admin-key': adminKey, 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { key: string }).key;
  };
  const ask = async (apiKey: string) => {
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey, maxRetries: 0, defaultHeaders: { 'x-switchyard-config': 'cached' } });
    const { response } = await client.chat.completions.create({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'user', content: 'same prompt, two tenants' }] }).withResponse();
    return response.headers.get('x-switchyard-cache-status');
  };

  it('keeps each managed key’s entries to itself', async () => {
    const first = await createKey('tenant one');
    const second = await createKey('tenant two');
    expect(await ask(first)).toBe('MISS');
    expect(await ask(second)).toBe('MISS');
    expect(await ask(first)).toBe('HIT');
    expect(await ask(second)).toBe('HIT');
    expect(upstream.received.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(2);
  });
});
