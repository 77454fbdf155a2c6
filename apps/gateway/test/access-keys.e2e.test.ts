import Anthropic from '@anthropic-ai/sdk';
import { type OpenAIMock, startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// Managed gateway keys through the admin API, and what a client of each format sees when a key
// is limited, forbidden or revoked. One gateway, memory stores; several instances are in
// access-instances.e2e.test.ts.
const adminKey = 'admin-key-0123456789abcdef';
const providerKey = 'sk-provider-secret';

describe('managed gateway keys', () => {
  let gateway: TestGateway;
  let upstream: OpenAIMock;

  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${gateway.url}${path}`, {
      method,
      headers: { 'x-switchyard-admin-key': adminKey, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const createKey = async (body: unknown) => {
    const created = await admin('POST', '/admin/keys', body);
    expect(created.status).toBe(201);
    return created.body as { id: string; key: string };
  };

  beforeAll(async () => {
    upstream = await startOpenAIMock({ apiKey: providerKey, streamDelayMs: 20, words: 40 });
    gateway = await startTestGateway({
      adminKeys: [adminKey],
      access: { store: 'memory', pepper: 'pepper-0123456789abcdef', keyCacheTtlMs: 0 },
      providers: { openai: { adapter: 'openai', apiKey: providerKey, baseURL: `${upstream.url}/v1`, models: { 'gpt-4o-mini': { prices: { input: 0.15, output: 0.6 } } } },
        // An OpenAI-compatible entry (no Responses API of its own): /v1/responses is translated to chat upstream.
        compat: { adapter: 'groq', apiKey: providerKey, baseURL: `${upstream.url}/v1` },
      },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('creates, lists, reads, updates, rotates and revokes keys through /admin/keys, showing a key only once', async () => {
    expect((await fetch(`${gateway.url}/admin/keys`)).status).toBe(401);
    expect((await fetch(`${gateway.url}/admin/keys`, { headers: { 'x-switchyard-admin-key': 'wrong-admin-key-000000' } })).status).toBe(401);

    const created = await createKey({ name: 'search team', teamId: 'search', allowedModels: ['gpt-4o*'], metadata: { owner: 'ana' } });
    expect(created.key).toMatch(/^sy-gk-/);
    const listed = await admin('GET', '/admin/keys');
    const entry = listed.body.data.find((key: { id: string }) => key.id === created.id);
    expect(entry).toMatchObject({ name: 'search team', teamId: 'search', metadata: { owner: 'ana' }, prefix: created.key.slice(0, 12) });
    expect(JSON.stringify(listed.body)).not.toContain(created.key);
    expect(JSON.stringify(listed.body)).not.toContain('"hash"');

    const patched = await admin('PATCH', `/admin/keys/${created.id}`, { limits: { requestsPerMinute: 100 } });
    expect(patched.body.limits).toEqual({ requestsPerMinute: 100 });
    expect((await admin('GET', `/admin/keys/${created.id}`)).body).toMatchObject({ name: 'search team', limits: { requestsPerMinute: 100 } });
    expect((await admin('PATCH', `/admin/keys/${created.id}`, { limits: { requestsPerHour: 1 } })).body.error.message).toMatch(/limits.requestsPerHour: unknown limit/);

    const client = (key: string) => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0 });
    const ask = (key: string) => client(key).chat.completions.create({ model: '@openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    await ask(created.key);
    const rotated = await admin('POST', `/admin/keys/${created.id}/rotate`);
    expect(rotated.body.key).not.toBe(created.key);
    await expect(ask(created.key)).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    await ask(rotated.body.key);

    const revoked = await admin('DELETE', `/admin/keys/${created.id}`);
    expect(revoked.body.revokedAt).toBeTruthy();
    const error = await ask(rotated.body.key).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as Error).message).toMatch(/revoked/);
    expect((await admin('GET', '/admin/keys/key_missing')).status).toBe(404);
  });

  it('sends the catalog credential upstream, never the gateway key, and reports the key limits in x-ratelimit headers', async () => {
    const { key } = await createKey({ limits: { requestsPerMinute: 50, tokensPerMinute: 100_000 } });
    const { data, response } = await new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0 }).chat.completions
      .create({ model: '@openai/gpt-4o-mini', max_tokens: 100, messages: [{ role: 'user', content: 'hello' }] })
      .withResponse();
    expect(data.choices[0]!.message.content).toBeTruthy();
    const received = upstream.received.at(-1)!;
    expect(received.headers.authorization).toBe(`Bearer ${providerKey}`);
    expect(JSON.stringify(received.headers)).not.toContain(key);
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('50');
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('49');
    expect(response.headers.get('x-ratelimit-limit-tokens')).toBe('100000');
    expect(Number(response.headers.get('x-ratelimit-remaining-tokens'))).toBeLessThan(100_000 - 100);
  });

  it('answers 403 for a model or provider the key may not use, without calling the provider', async () => {
    const { key } = await createKey({ allowedModels: ['gpt-4o-mini'], allowedProviders: ['openai'] });
    const before = upstream.received.length;
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0 });
    const error = await client.chat.completions.create({ model: '@openai/gpt-4.1', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect((error as Error).message).toMatch(/may not use the model "gpt-4.1"/);
    const mock = await client.chat.completions.create({ model: '@mock/echo-1', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect((mock as Error).message).toMatch(/may not use the provider "mock"/);
    expect(upstream.received.length).toBe(before);
  });

  it('refuses a limited request with 429, retry-after and x-ratelimit headers in each client format', async () => {
    const { key } = await createKey({ limits: { requestsPerMinute: 1 } });
    const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0 });
    await openai.chat.completions.create({ model: '@openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    const before = upstream.received.length;

    const chatError = await openai.chat.completions.create({ model: '@openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect(chatError).toBeInstanceOf(OpenAI.RateLimitError);
    const rateLimited = chatError as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rateLimited.message).toMatch(/1 requests per minute/);
    expect(Number(rateLimited.headers?.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(rateLimited.headers?.get('x-ratelimit-limit-requests')).toBe('1');
    expect(rateLimited.headers?.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(rateLimited.headers?.get('x-ratelimit-reset-requests')).toMatch(/^\d+(ms|s|m\d+s)$/);

    const responsesError = await openai.responses.create({ model: '@openai/gpt-4o-mini', input: 'hi' }).catch((caught: unknown) => caught);
    expect(responsesError).toBeInstanceOf(OpenAI.RateLimitError);

    const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: key, maxRetries: 0 });
    const messagesError = await anthropic.messages.create({ model: '@openai/gpt-4o-mini', max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught);
    expect(messagesError).toBeInstanceOf(Anthropic.RateLimitError);
    const raw = await fetch(`${gateway.url}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ model: '@openai/gpt-4o-mini', max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBeTruthy();
    expect(await raw.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    expect(upstream.received.length).toBe(before);
  });

  it('refuses a request once a hard budget is spent, naming the budget', async () => {
    // gpt-4o-mini at $0.15/M input and $0.60/M output: a few calls spend a $0.00002 budget.
    const { key } = await createKey({ budgets: [{ name: 'tiny-trial', usd: 0.00002, period: 'day', timezone: 'Europe/Paris' }] });
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0 });
    let refused: unknown;
    for (let i = 0; i < 10 && !refused; i++) {
      await client.chat.completions.create({ model: '@openai/gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => (refused = caught));
    }
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    expect((refused as Error).message).toMatch(/budget "tiny-trial"/);
  });

  it('settles a stream the client cut mid-way: its concurrency lease is released and unused tokens are given back', async () => {
    const { key } = await createKey({ limits: { concurrentRequests: 1, tokensPerMinute: 10_000 } });
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: key, maxRetries: 0 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: '@openai/gpt-4o-mini', stream: true, max_tokens: 5_000, messages: [{ role: 'user', content: 'tell me a long story' }] },
      { signal: controller.signal },
    );
    // While it runs, the one concurrent slot is taken.
    const busy = await client.chat.completions.create({ model: '@openai/gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }).catch((caught: unknown) => caught);
    expect(busy).toBeInstanceOf(OpenAI.RateLimitError);
    expect((busy as Error).message).toMatch(/1 concurrent requests/);
    let chunks = 0;
    await (async () => {
      for await (const _chunk of stream) if (++chunks === 3) controller.abort();
    })().catch(() => {});
    expect(chunks).toBe(3);

    // The lease is released and the 5,000 reserved output tokens mostly given back (the stream
    // ended long before its usage chunk, so what was sent stands in for the output).
    let remaining = 0;
    for (let attempt = 0; attempt < 40; attempt++) {
      const next = await client.chat.completions
        .create({ model: '@openai/gpt-4o-mini', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] })
        .withResponse()
        .catch(() => undefined);
      if (next) {
        remaining = Number(next.response.headers.get('x-ratelimit-remaining-tokens'));
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(remaining).toBeGreaterThan(10_000 - 5_000);
    expect(remaining).toBeLessThan(10_000 - 10);
  });

  it('lets a static apiKeys key and a managed key work side by side', async () => {
    const both = await startTestGateway({
      apiKeys: ['static-key-0123456789abcdef'],
      adminKeys: [adminKey],
      access: { store: 'memory', pepper: 'pepper-0123456789abcdef' },
    });
    try {
      const created = await fetch(`${both.url}/admin/keys`, { method: 'POST', headers: { authorization: `Bearer ${adminKey}` }, body: '{}' });
      const { key } = (await created.json()) as { key: string };
      for (const apiKey of ['static-key-0123456789abcdef', key]) {
        const answer = await new OpenAI({ baseURL: `${both.url}/v1`, apiKey, maxRetries: 0 }).chat.completions.create({ model: '@mock/echo-1', messages: [{ role: 'user', content: 'hi' }] });
        expect(answer.choices[0]!.message.content).toBe('echo: hi');
      }
      expect((await fetch(`${both.url}/v1/models`)).status).toBe(401);
    } finally {
      await both.close();
    }
  });

  describe('every route family is limited', () => {
    const json = { 'content-type': 'application/json' };
    const viaOpenAI = { 'x-switchyard-provider': 'openai' };
    const routes: Record<string, { method: string; path: string; headers?: Record<string, string>; body?: unknown }> = {
      chat: { method: 'POST', path: '/v1/chat/completions', headers: json, body: { model: '@openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] } },
      responses: { method: 'POST', path: '/v1/responses', headers: json, body: { model: '@compat/llama-3.3-70b', input: 'hi' } },
      messages: { method: 'POST', path: '/v1/messages', headers: json, body: { model: '@openai/gpt-4o-mini', max_tokens: 20, messages: [{ role: 'user', content: 'hi' }] } },
      embeddings: { method: 'POST', path: '/v1/embeddings', headers: json, body: { model: '@openai/text-embedding-3-small', input: 'hi' } },
      images: { method: 'POST', path: '/v1/images/generations', headers: json, body: { model: '@openai/dall-e-3', prompt: 'a lighthouse' } },
      audio: { method: 'POST', path: '/v1/audio/speech', headers: json, body: { model: '@openai/tts-1', voice: 'alloy', input: 'hello' } },
      files: { method: 'GET', path: '/v1/files', headers: viaOpenAI },
      batches: { method: 'GET', path: '/v1/batches', headers: viaOpenAI },
      passthrough: { method: 'GET', path: '/v1/vector_stores', headers: viaOpenAI },
    };
    for (const [family, route] of Object.entries(routes)) {
      it(family, async () => {
        const { key } = await createKey({ limits: { requestsPerMinute: 1 } });
        const send = () =>
          fetch(`${gateway.url}${route.path}`, {
            method: route.method,
            headers: { ...route.headers, 'x-switchyard-api-key': key },
            body: route.body === undefined ? undefined : JSON.stringify(route.body),
          });
        const before = upstream.received.length;
        const first = await send();
        await first.arrayBuffer();
        expect(first.status, `${family} first answer`).toBe(200);
        expect(upstream.received.length).toBe(before + 1);
        expect(upstream.received.at(-1)!.headers.authorization).toBe(`Bearer ${providerKey}`);
        const second = await send();
        expect(second.status).toBe(429);
        expect(second.headers.get('retry-after')).toBeTruthy();
        expect(second.headers.get('x-ratelimit-remaining-requests')).toBe('0');
        await second.arrayBuffer();
        expect(upstream.received.length).toBe(before + 1);
      });
    }
  });
});
