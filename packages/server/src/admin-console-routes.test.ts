import { HttpClient, UpstreamError, defineProvider } from '@switchyard/core';
import { ProviderCatalog, createHostAllowList } from '@switchyard/router';
import { describe, expect, it } from 'vitest';
import { createGatewayHandler } from './gateway-handler.js';
import type { GatewayRequest } from './gateway-types.js';

// The console's admin routes through the handler itself: the admin key guard, the providers view
// with the router's health, and the gateway-supplied stats, usage and config sources.

const flaky = defineProvider({
  id: 'flaky',
  name: 'Fails every call',
  capabilities: { chat: { streaming: false, tools: true, parallelTools: false, images: false, files: false, audio: false, reasoning: false, jsonObject: true, jsonSchema: false } },
  chat: {
    async generate() {
      throw new UpstreamError('flaky is down', { provider: 'flaky', status: 503 });
    },
    async stream() {
      throw new UpstreamError('flaky is down', { provider: 'flaky', status: 503 });
    },
  },
});

const adminKey = 'admin-key-0123456789abcdef';
const request = (method: string, path: string, headers: Record<string, string> = {}, body = '', query?: string): GatewayRequest => ({
  method,
  path,
  query,
  headers,
  body: new TextEncoder().encode(body),
  signal: new AbortController().signal,
});

function makeHandler() {
  const catalog = new ProviderCatalog();
  catalog.registerAdapter(flaky);
  catalog.addEntry('backup', 'flaky', { apiKey: 'sk-secret-0123456789', baseURL: 'http://user:pw@127.0.0.1:9/v1' });
  const seen: string[] = [];
  const handler = createGatewayHandler({
    catalog,
    hostAllowList: createHostAllowList(),
    http: new HttpClient(),
    adminKeys: [adminKey],
    adminConsole: {
      async stats(query) {
        seen.push(query);
        if (query.includes('bad')) throw new TypeError('window: expected one of 1h, 24h, 7d, got "bad".');
        return { totals: { requests: 1 } };
      },
      config: () => ({ config: { apiKeys: ['[hidden]'] } }),
      validateConfig: (text) => ({ valid: text.includes('ok'), problems: [] }),
    },
  });
  return { handler, seen };
}

describe('admin console routes', () => {
  it('refuse a request without the admin key', async () => {
    const { handler } = makeHandler();
    for (const [method, path] of [['GET', '/admin/providers'], ['GET', '/admin/stats'], ['GET', '/admin/config'], ['POST', '/admin/config/validate']] as const) {
      const response = await handler.handle(request(method, path));
      expect(response.status, `${method} ${path}`).toBe(401);
    }
  });

  it('list each catalog entry with its capabilities and the health of its targets, without credentials', async () => {
    const { handler } = makeHandler();
    const chat = (model: string) => request('POST', '/v1/chat/completions', { 'content-type': 'application/json' }, JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }));
    for (let index = 0; index < 3; index++) expect((await handler.handle(chat('@backup/m1'))).status).toBe(503);
    const response = await handler.handle(request('GET', '/admin/providers', { 'x-switchyard-admin-key': adminKey }));
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = JSON.parse(response.body as string);
    const backup = body.data.find((entry: { slug: string }) => entry.slug === 'backup');
    expect(backup).toMatchObject({ adapter: 'flaky', hasApiKey: true, baseURL: 'http://127.0.0.1:9/v1', chat: { tools: true, streaming: false }, passthrough: false });
    // Three failures in a row opened the circuit of backup's model.
    expect(backup.health).toMatchObject({ state: 'open', targets: [expect.objectContaining({ model: 'm1', state: 'open' })] });
    expect(body.data.find((entry: { slug: string }) => entry.slug === 'flaky').health).toMatchObject({ state: 'closed', calls: 0, targets: [] });
    expect(response.body as string).not.toMatch(/sk-secret|user:pw/);
  });

  it('pass the query to stats and turn its TypeError into a 400 naming the parameter', async () => {
    const { handler, seen } = makeHandler();
    const headers = { authorization: `Bearer ${adminKey}` };
    const ok = await handler.handle(request('GET', '/admin/stats', headers, '', 'window=24h'));
    expect(JSON.parse(ok.body as string)).toEqual({ totals: { requests: 1 } });
    expect(seen).toEqual(['window=24h']);
    const bad = await handler.handle(request('GET', '/admin/stats', headers, '', 'window=bad'));
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body as string).error).toMatchObject({ message: expect.stringContaining('window:'), code: 'invalid_stats_query' });
  });

  it('validate a pasted config given as JSON text or raw text, and say what is wrong with the body', async () => {
    const { handler } = makeHandler();
    const headers = { 'x-switchyard-admin-key': adminKey };
    const asJson = await handler.handle(request('POST', '/admin/config/validate', { ...headers, 'content-type': 'application/json' }, JSON.stringify({ text: 'ok: true' })));
    expect(JSON.parse(asJson.body as string)).toEqual({ valid: true, problems: [] });
    const raw = await handler.handle(request('POST', '/admin/config/validate', { ...headers, 'content-type': 'text/yaml' }, 'nope: 1'));
    expect(JSON.parse(raw.body as string)).toEqual({ valid: false, problems: [] });
    const missing = await handler.handle(request('POST', '/admin/config/validate', { ...headers, 'content-type': 'application/json' }, '{"config": 1}'));
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body as string).error.message).toMatch(/^text:/);
  });

  it('answer 404 for a console route whose source the gateway did not give', async () => {
    const catalog = new ProviderCatalog();
    const handler = createGatewayHandler({ catalog, hostAllowList: createHostAllowList(), http: new HttpClient(), adminKeys: [adminKey] });
    expect((await handler.handle(request('GET', '/admin/usage', { 'x-switchyard-admin-key': adminKey }))).status).toBe(404);
  });
});
