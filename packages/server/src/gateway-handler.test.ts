import { type ChatRequest, HttpClient, UpstreamError, defineProvider } from '@switchyard/core';
import { ProviderCatalog, createHostAllowList } from '@switchyard/router';
import { describe, expect, it } from 'vitest';
import { createGatewayHandler } from './gateway-handler.js';
import type { GatewayRequest, RequestRecord } from './gateway-types.js';

// The handler is framework-free: these tests call it directly, with no socket.

const seen: ChatRequest[] = [];
const scripted = defineProvider({
  id: 'scripted',
  name: 'Scripted test adapter',
  capabilities: { chat: { streaming: true, tools: true, parallelTools: true, images: false, files: false, audio: false, reasoning: false, jsonObject: false, jsonSchema: false } },
  chat: {
    async generate(request, context) {
      seen.push(request);
      if (request.messages.length > 3) throw new UpstreamError('scripted is overloaded', { provider: 'scripted', status: 529 });
      context.warn({ type: 'unsupported-field', field: 'seed', message: 'scripted cannot take a seed — dropped' });
      return { id: 'resp-1', model: 'scripted-1', content: [{ type: 'text', text: 'fine' }], finishReason: { unified: 'stop', raw: 'done' }, usage: { input: 3, output: 1, total: 4 } };
    },
    async stream(request) {
      seen.push(request);
      async function* events() {
        yield { type: 'start' as const, id: 'resp-2', model: 'scripted-1' };
        yield { type: 'text-delta' as const, delta: 'partial' };
        throw new UpstreamError('connection reset mid-stream', { provider: 'scripted' });
      }
      return { events: events() };
    },
  },
});

function makeHandler(records: RequestRecord[]) {
  const catalog = new ProviderCatalog();
  catalog.registerAdapter(scripted);
  return createGatewayHandler({ catalog, hostAllowList: createHostAllowList(), http: new HttpClient(), onRequestComplete: (record) => records.push(record) });
}

function chatRequest(body: unknown): GatewayRequest {
  return { method: 'POST', path: '/v1/chat/completions', headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(JSON.stringify(body)), signal: new AbortController().signal };
}

async function collect(body: unknown): Promise<string> {
  let text = '';
  for await (const chunk of body as AsyncIterable<string | Uint8Array>) text += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
  return text;
}

describe('gateway handler', () => {
  it('translates, returns warnings in a header and logs the record', async () => {
    const records: RequestRecord[] = [];
    const response = await makeHandler(records).handle(chatRequest({ model: '@scripted/any', seed: 7, messages: [{ role: 'developer', content: 'a' }, { role: 'user', content: 'b' }] }));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body as string).choices[0].message.content).toBe('fine');
    expect(JSON.parse(response.headers['x-switchyard-warnings']!)).toEqual([expect.objectContaining({ field: 'seed' })]);
    expect(seen.at(-1)!.model).toBe('any');
    expect(seen.at(-1)!.messages.map((message) => message.role)).toEqual(['developer', 'user']);
    expect(records[0]).toMatchObject({ provider: 'scripted', status: 200, passthrough: false, usage: { total: 4 }, modelAnswered: 'scripted-1' });
  });

  it('maps an upstream error to an OpenAI error with the upstream status', async () => {
    const response = await makeHandler([]).handle(chatRequest({ model: '@scripted/any', messages: Array.from({ length: 4 }, () => ({ role: 'user', content: 'x' })) }));
    expect(response.status).toBe(529);
    expect(JSON.parse(response.body as string).error).toMatchObject({ message: 'scripted is overloaded' });
  });

  it('ends a stream that fails mid-way with an error chunk and no [DONE]', async () => {
    const records: RequestRecord[] = [];
    const response = await makeHandler(records).handle(chatRequest({ model: '@scripted/any', stream: true, messages: [{ role: 'user', content: 'x' }] }));
    expect(response.status).toBe(200);
    const text = await collect(response.body);
    expect(text).toContain('"content":"partial"');
    expect(text).toMatch(/data: \{"error":\{"message":"connection reset mid-stream"/);
    expect(text).not.toContain('[DONE]');
    expect(records[0]).toMatchObject({ incomplete: true, errorKind: 'upstream' });
  });

  it('answers unknown routes with a 404 in OpenAI shape', async () => {
    const response = await makeHandler([]).handle({ ...chatRequest({}), path: '/nothing' });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body as string).error.message).toContain('/nothing');
  });

  it('answers an unknown /v1 path with a 404 naming the provider when that provider cannot proxy', async () => {
    const request = chatRequest({});
    const response = await makeHandler([]).handle({ ...request, path: '/v1/nothing', headers: { ...request.headers, 'x-switchyard-provider': 'scripted' } });
    expect(response.status).toBe(404);
    const error = JSON.parse(response.body as string).error;
    expect(error.message).toContain('/v1/nothing');
    expect(error.message).toContain('"scripted"');
  });

  it('answers an endpoint the provider does not serve with a 400 naming both', async () => {
    const response = await makeHandler([]).handle({ ...chatRequest({ model: '@scripted/e', input: 'x' }), path: '/v1/embeddings' });
    expect(response.status).toBe(400);
    const error = JSON.parse(response.body as string).error;
    expect(error).toMatchObject({ type: 'invalid_request_error', param: 'model', code: 'endpoint_not_supported' });
    expect(error.message).toContain('Provider "scripted" does not serve /v1/embeddings');
  });
});
