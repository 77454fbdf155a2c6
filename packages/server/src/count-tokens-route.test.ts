import { HttpClient, type PassthroughRequest, type PassthroughResponse, defineProvider } from '@switchyard/core';
import { ProviderCatalog, createHostAllowList } from '@switchyard/router';
import { describe, expect, it } from 'vitest';
import { createGatewayHandler } from './gateway-handler.js';
import type { GatewayRequest, GatewayResponse } from './gateway-types.js';

const capabilities = { chat: { streaming: true, tools: true, parallelTools: true, images: true, files: false, audio: false, reasoning: false, jsonObject: false, jsonSchema: false } };
const chat = {
  generate: async () => {
    throw new Error('not called');
  },
  stream: async () => {
    throw new Error('not called');
  },
};
const counted: PassthroughRequest[] = [];
const bytes = (text: string) =>
  (async function* () {
    yield new TextEncoder().encode(text);
  })();

const counting = defineProvider({
  id: 'counting',
  name: 'Messages-native with a count endpoint',
  nativeFormat: 'anthropic-messages',
  capabilities,
  chat,
  passthrough: async () => {
    throw new Error('not called');
  },
  async countTokens(request): Promise<PassthroughResponse> {
    counted.push(request);
    if (String(request.body).includes('refuse me')) {
      return { status: 400, headers: { 'content-type': 'application/json' }, body: bytes('{"type":"error","error":{"type":"invalid_request_error","message":"upstream says no"}}'), dispose() {} };
    }
    return { status: 200, headers: { 'content-type': 'application/json', 'request-id': 'req_1' }, body: bytes('{"input_tokens":42}'), dispose() {} };
  },
});
const plain = defineProvider({ id: 'plain', name: 'No count endpoint', capabilities, chat });

const catalog = new ProviderCatalog();
catalog.registerAdapter(counting);
catalog.registerAdapter(plain);
const handler = createGatewayHandler({ catalog, hostAllowList: createHostAllowList(), http: new HttpClient() });

function countRequest(body: unknown): GatewayRequest {
  return { method: 'POST', path: '/v1/messages/count_tokens', headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(JSON.stringify(body)), signal: new AbortController().signal };
}

async function text(response: GatewayResponse): Promise<string> {
  if (typeof response.body === 'string') return response.body;
  let all = '';
  for await (const chunk of response.body as AsyncIterable<string | Uint8Array>) all += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
  return all;
}

describe('POST /v1/messages/count_tokens', () => {
  it('forwards to a provider that counts, with only the model rewritten, and relays its answer', async () => {
    const response = await handler.handle(countRequest({ model: '@counting/claude', messages: [{ role: 'user', content: 'hi' }] }));
    expect(response.status).toBe(200);
    expect(JSON.parse(await text(response))).toEqual({ input_tokens: 42 });
    expect(response.headers['request-id']).toBe('req_1');
    expect(response.headers['x-switchyard-warnings']).toBeUndefined();
    expect(JSON.parse(String(counted.at(-1)!.body))).toEqual({ model: 'claude', messages: [{ role: 'user', content: 'hi' }] });
  });

  it('returns the provider’s error body as it came', async () => {
    const response = await handler.handle(countRequest({ model: '@counting/claude', messages: [{ role: 'user', content: 'refuse me' }] }));
    expect(response.status).toBe(400);
    expect(JSON.parse(await text(response))).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: 'upstream says no' } });
  });

  it('estimates for any other provider and says so in a warning', async () => {
    const response = await handler.handle(countRequest({ model: '@plain/x', system: 'abcd', messages: [{ role: 'user', content: 'efgh' }] }));
    expect(response.status).toBe(200);
    expect(JSON.parse(await text(response))).toEqual({ input_tokens: 2 });
    expect(JSON.parse(response.headers['x-switchyard-warnings']!)).toEqual([expect.objectContaining({ field: 'input_tokens', message: expect.stringContaining('estimate') })]);
  });

  it('answers a request without a model in Anthropic’s error shape', async () => {
    const response = await handler.handle(countRequest({ messages: [] }));
    expect(response.status).toBe(400);
    expect(JSON.parse(await text(response))).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
  });
});
