import { type ProviderSettings, defineProvider } from '@switchyard/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServingGatewayForAdapters, serveGatewayForAdapters } from './serve-gateway-for-adapters.js';

// Answers with the settings of the entry the request was routed to, so a test can see which one it was.
const echoSettings = defineProvider({
  id: 'echo-settings',
  name: 'Echo settings test adapter',
  capabilities: { chat: { streaming: false, tools: false, parallelTools: false, images: false, files: false, audio: false, reasoning: false, jsonObject: false, jsonSchema: false } },
  chat: {
    async generate(request, context) {
      const text = JSON.stringify({ model: request.model, settings: context.settings satisfies ProviderSettings });
      return { id: 'resp-1', model: request.model, content: [{ type: 'text', text }], finishReason: { unified: 'stop', raw: 'stop' } };
    },
    async stream() {
      throw new Error('not streamed in these tests');
    },
  },
});

async function ask(gateway: ServingGatewayForAdapters, model: string): Promise<unknown> {
  const response = await fetch(`${gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }),
  });
  const completion = (await response.json()) as { choices: Array<{ message: { content: string } }> };
  return JSON.parse(completion.choices[0]!.message.content);
}

describe('serveGatewayForAdapters', () => {
  let gateway: ServingGatewayForAdapters | undefined;
  afterEach(() => gateway?.close());

  it('listens on loopback with a catalog of the adapters and entries given', async () => {
    gateway = await serveGatewayForAdapters({
      adapters: [echoSettings],
      entries: [{ slug: 'echo-eu', adapter: 'echo-settings', settings: { apiKey: 'eu-key', baseURL: 'http://127.0.0.1:1' }, defaultParams: { temperature: 0 } }],
    });
    expect(gateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(gateway.catalog.listEntries().map((entry) => [entry.slug, entry.adapter.id])).toEqual([
      ['echo-settings', 'echo-settings'],
      ['echo-eu', 'echo-settings'],
    ]);
    expect(gateway.catalog.resolve('echo-eu').defaultParams).toEqual({ temperature: 0 });
    expect(await ask(gateway, '@echo-eu/m1')).toEqual({ model: 'm1', settings: { apiKey: 'eu-key', baseURL: 'http://127.0.0.1:1' } });
  });

  it('takes any serveGateway option over its defaults', async () => {
    gateway = await serveGatewayForAdapters({ adapters: [echoSettings], defaultProvider: 'echo-settings', modelAliases: { fast: '@echo-settings/m2' } });
    expect(await ask(gateway, 'fast')).toEqual({ model: 'm2', settings: {} });
  });

  it('refuses an entry naming an adapter it was not given, without listening', async () => {
    await expect(serveGatewayForAdapters({ adapters: [echoSettings], entries: [{ slug: 'x', adapter: 'missing', settings: {} }] })).rejects.toThrow(/unknown adapter "missing"/);
  });
});
