import { type ChatRequest, HttpClient, type ResponseStore, type StoredResponse, type StreamEvent, defineProvider } from '@switchyard/core';
import { ProviderCatalog, createHostAllowList } from '@switchyard/router';
import { beforeEach, describe, expect, it } from 'vitest';
import { createGatewayHandler } from './gateway-handler.js';
import type { GatewayRequest, GatewayResponse, RequestRecord } from './gateway-types.js';

// The Responses state through the framework-free handler: a scripted translated adapter, a
// scripted Responses-native one, and a Map-backed store.

const seen: ChatRequest[] = [];
const passedThrough: string[] = [];
let turn = 0;

const capabilities = { chat: { streaming: true, tools: true, parallelTools: true, images: false, files: false, audio: false, reasoning: false, jsonObject: false, jsonSchema: false } };
const chat = {
  async generate(request: ChatRequest) {
    seen.push(request);
    turn++;
    const id = JSON.stringify(request.messages.at(-1)).includes('answer without id') ? '' : `answer-${turn}`;
    return { id, model: 'scripted-1', content: [{ type: 'text' as const, text: `answer ${turn}` }], finishReason: { unified: 'stop' as const, raw: 'stop' } };
  },
  async stream(request: ChatRequest) {
    seen.push(request);
    turn++;
    const id = `answer-${turn}`;
    const fails = JSON.stringify(request.messages.at(-1)).includes('break the stream');
    async function* events(): AsyncGenerator<StreamEvent> {
      yield { type: 'start', id, model: 'scripted-1' };
      yield { type: 'text-delta', delta: 'streamed ' };
      if (fails) {
        yield { type: 'error', error: { kind: 'upstream', status: 502, message: 'cut', provider: 'scripted' } };
        return;
      }
      yield { type: 'text-delta', delta: 'answer' };
      yield { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: { input: 1, output: 2, total: 3 } };
    }
    return { events: events() };
  },
};
const scripted = defineProvider({ id: 'scripted', name: 'Scripted', capabilities, chat });
const native = defineProvider({
  id: 'native',
  name: 'Responses-native',
  nativeFormat: 'openai-responses',
  capabilities,
  chat,
  async passthrough(request) {
    passedThrough.push(String(request.body));
    const body = JSON.stringify({ id: 'resp_upstream_1', object: 'response', status: 'completed', model: request.model, output: [], store: true });
    async function* bytes() {
      yield new TextEncoder().encode(body);
    }
    return { status: 200, headers: { 'content-type': 'application/json' }, body: bytes(), dispose() {} };
  },
});

function mapStore(): ResponseStore & { records: Map<string, StoredResponse>; failSaves?: boolean } {
  const records = new Map<string, StoredResponse>();
  const store = {
    records,
    failSaves: false,
    async save(record: StoredResponse) {
      if (store.failSaves) throw Object.assign(new Error('disk full at /secret/path'), { code: 'SQLITE_FULL' });
      records.set(record.id, structuredClone(record));
    },
    async get(id: string) {
      return structuredClone(records.get(id));
    },
    async delete(id: string) {
      return records.delete(id);
    },
  };
  return store;
}

function makeHandler(responseStore?: ResponseStore, records: RequestRecord[] = []) {
  const catalog = new ProviderCatalog();
  catalog.registerAdapter(scripted);
  catalog.registerAdapter(native);
  return createGatewayHandler({ catalog, hostAllowList: createHostAllowList(), http: new HttpClient(), responseStore, onRequestComplete: (record) => records.push(record) });
}

function request(method: string, path: string, body?: unknown, query?: string): GatewayRequest {
  return {
    method,
    path,
    query,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? new Uint8Array() : new TextEncoder().encode(JSON.stringify(body)),
    signal: new AbortController().signal,
  };
}

async function text(response: GatewayResponse): Promise<string> {
  if (typeof response.body === 'string') return response.body;
  let all = '';
  for await (const chunk of response.body as AsyncIterable<string | Uint8Array>) all += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
  return all;
}

async function json(response: GatewayResponse): Promise<any> {
  return JSON.parse(await text(response));
}

const texts = (request: ChatRequest) => request.messages.map((message) => `${message.role}: ${message.content.map((part) => ('text' in part ? part.text : part.type)).join('')}`);

beforeEach(() => {
  seen.length = 0;
  passedThrough.length = 0;
});

describe('Responses state on translated attempts', () => {
  it('chains three turns: history before the new input, only the new instructions, store echoed', async () => {
    const store = mapStore();
    const handler = makeHandler(store);
    const first = await json(await handler.handle(request('POST', '/v1/responses', { model: '@scripted/m', instructions: 'first rules', input: 'one' })));
    expect(first.store).toBe(true);
    const second = await json(await handler.handle(request('POST', '/v1/responses', { model: '@scripted/m', input: [{ role: 'user', content: 'two' }], previous_response_id: first.id })));
    expect(second.previous_response_id).toBe(first.id);
    const third = await json(await handler.handle(request('POST', '/v1/responses', { model: '@scripted/m', instructions: 'new rules', input: 'three', previous_response_id: second.id })));

    const said = (response: any) => `assistant: ${response.output[0].content[0].text}`;
    expect(texts(seen[2]!)).toEqual(['system: new rules', 'user: one', said(first), 'user: two', said(second), 'user: three']);
    // The gateway acted on store and previous_response_id itself: the provider is not told of them.
    expect(seen[2]!.providerOptions).toBeUndefined();
    const kept = store.records.get(third.id)!;
    expect(kept).toMatchObject({ id: third.id, model: 'scripted-1', previousResponseId: second.id, owner: '', response: third });
    expect(kept.inputItems).toEqual([{ id: `msg_${third.id.slice(5)}_input_0`, type: 'message', role: 'user', content: [{ type: 'input_text', text: 'three' }] }]);
    expect(kept.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
  });

  it('answers an unknown previous_response_id with OpenAI’s 404', async () => {
    const response = await makeHandler(mapStore()).handle(request('POST', '/v1/responses', { model: '@scripted/m', input: 'x', previous_response_id: 'resp_nope' }));
    expect(response.status).toBe(404);
    expect(await json(response)).toEqual({
      error: { message: "Previous response with id 'resp_nope' not found.", type: 'invalid_request_error', param: 'previous_response_id', code: 'previous_response_not_found' },
    });
    expect(seen).toHaveLength(0);
  });

  it('stores nothing with store: false, and says so', async () => {
    const store = mapStore();
    const body = await json(await makeHandler(store).handle(request('POST', '/v1/responses', { model: '@scripted/m', input: 'x', store: false })));
    expect(body.store).toBe(false);
    expect(store.records.size).toBe(0);
  });

  it('saves a streamed answer before its last event goes out, with store: true in every lifecycle event', async () => {
    const store = mapStore();
    const response = await makeHandler(store).handle(request('POST', '/v1/responses', { model: '@scripted/m', input: 'x', stream: true }));
    const chunks: string[] = [];
    let storedWhenTerminalArrived = false;
    for await (const chunk of response.body as AsyncIterable<string>) {
      if (chunk.includes('response.completed')) storedWhenTerminalArrived = store.records.size === 1;
      chunks.push(chunk);
    }
    expect(storedWhenTerminalArrived).toBe(true);
    const events = chunks.join('').split('\n\n').filter(Boolean).map((frame) => JSON.parse(frame.split('\n')[1]!.slice(6)));
    const lifecycle = events.filter((event) => event.response);
    expect(lifecycle.map((event) => event.type)).toEqual(['response.created', 'response.in_progress', 'response.completed']);
    expect(lifecycle.every((event) => event.response.store === true)).toBe(true);
    const final = lifecycle.at(-1).response;
    const kept = store.records.get(final.id)!;
    expect(kept.response).toEqual(final);
    expect(kept.messages.at(-1)).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'streamed answer' }] });
  });

  it('does not store a stream that failed', async () => {
    const store = mapStore();
    const response = await makeHandler(store).handle(request('POST', '/v1/responses', { model: '@scripted/m', input: 'break the stream', stream: true }));
    expect(await text(response)).toContain('response.failed');
    expect(store.records.size).toBe(0);
  });

  it('still answers when saving fails, with store: false and a warning that names no internals', async () => {
    const store = mapStore();
    store.failSaves = true;
    const response = await makeHandler(store).handle(request('POST', '/v1/responses', { model: '@scripted/m', input: 'x' }));
    expect(response.status).toBe(200);
    expect((await json(response)).store).toBe(false);
    const warnings = response.headers['x-switchyard-warnings']!;
    expect(warnings).toContain('SQLITE_FULL');
    expect(warnings).not.toContain('/secret/path');
  });
});

describe('Responses state: answers that cannot be kept', () => {
  it('does not store an answer the provider gave no id (all such answers would share one record)', async () => {
    const store = mapStore();
    const response = await makeHandler(store).handle(request('POST', '/v1/responses', { model: '@scripted/m', input: 'answer without id' }));
    expect((await json(response)).store).toBe(false);
    expect(response.headers['x-switchyard-warnings']).toContain('no_response_id');
    expect(store.records.size).toBe(0);
  });
});

describe('Responses state without a store', () => {
  it('answers previous_response_id and the stored-response routes with a clear 400', async () => {
    const handler = makeHandler();
    for (const response of [
      await handler.handle(request('POST', '/v1/responses', { model: '@scripted/m', input: 'x', previous_response_id: 'resp_1' })),
      await handler.handle(request('GET', '/v1/responses/resp_1')),
      await handler.handle(request('DELETE', '/v1/responses/resp_1')),
      await handler.handle(request('GET', '/v1/responses/resp_1/input_items')),
    ]) {
      expect(response.status).toBe(400);
      expect((await json(response)).error).toMatchObject({ code: 'response_store_not_configured', message: expect.stringContaining('no response store configured') });
    }
  });

  it('answers as before, store: false, warning only when store: true was asked for', async () => {
    const handler = makeHandler();
    const quiet = await handler.handle(request('POST', '/v1/responses', { model: '@scripted/m', input: 'x' }));
    expect((await json(quiet)).store).toBe(false);
    expect(quiet.headers['x-switchyard-warnings']).toBeUndefined();
    const asked = await handler.handle(request('POST', '/v1/responses', { model: '@scripted/m', input: 'x', store: true }));
    expect((await json(asked)).store).toBe(false);
    expect(asked.headers['x-switchyard-warnings']).toContain('store: true was not honoured');
  });
});

describe('Responses state with a Responses-native provider', () => {
  it('forwards untouched and stores nothing — unless previous_response_id names a response in the gateway’s store', async () => {
    const store = mapStore();
    const handler = makeHandler(store);
    const plain = { model: '@native/m', input: 'x', previous_response_id: 'resp_openai_own' };
    const forwarded = await handler.handle(request('POST', '/v1/responses', plain));
    expect((await json(forwarded)).id).toBe('resp_upstream_1');
    expect(JSON.parse(passedThrough[0]!)).toMatchObject({ previous_response_id: 'resp_openai_own' });
    expect(store.records.size).toBe(0);

    const first = await json(await handler.handle(request('POST', '/v1/responses', { model: '@scripted/m', input: 'one' })));
    const moved = await json(await handler.handle(request('POST', '/v1/responses', { model: '@native/m', input: 'two', previous_response_id: first.id })));
    expect(passedThrough).toHaveLength(1);
    expect(texts(seen.at(-1)!)).toEqual(['user: one', `assistant: ${first.output[0].content[0].text}`, 'user: two']);
    expect(moved.store).toBe(true);
    expect(store.records.has(moved.id)).toBe(true);
  });
});

describe('stored-response routes', () => {
  it('gets, pages input items, deletes, then answers 404 in OpenAI’s shape', async () => {
    const store = mapStore();
    const handler = makeHandler(store);
    const input = ['a', 'b', 'c'].map((content) => ({ role: 'user', content }));
    const created = await json(await handler.handle(request('POST', '/v1/responses', { model: '@scripted/m', input })));
    expect(await json(await handler.handle(request('GET', `/v1/responses/${created.id}`)))).toEqual(created);

    const page = await json(await handler.handle(request('GET', `/v1/responses/${created.id}/input_items`, undefined, 'limit=2&order=asc')));
    expect(page).toMatchObject({ object: 'list', has_more: true, data: [{ content: [{ text: 'a' }] }, { content: [{ text: 'b' }] }] });
    const rest = await json(await handler.handle(request('GET', `/v1/responses/${created.id}/input_items`, undefined, `limit=2&order=asc&after=${page.last_id}`)));
    expect(rest).toMatchObject({ has_more: false, data: [{ content: [{ text: 'c' }] }] });

    expect(await json(await handler.handle(request('DELETE', `/v1/responses/${created.id}`)))).toEqual({ id: created.id, object: 'response', deleted: true });
    const gone = await handler.handle(request('GET', `/v1/responses/${created.id}`));
    expect(gone.status).toBe(404);
    expect(await json(gone)).toEqual({ error: { message: `Response with id '${created.id}' not found.`, type: 'invalid_request_error', param: null, code: null } });
    expect((await handler.handle(request('DELETE', `/v1/responses/${created.id}`))).status).toBe(404);
  });

  it('is reported by hasRoute, so the host dispatches it directly', () => {
    const handler = makeHandler(mapStore());
    expect(handler.hasRoute('GET', '/v1/responses/resp_1')).toBe(true);
    expect(handler.hasRoute('GET', '/v1/responses/resp_1/input_items')).toBe(true);
    expect(handler.bodyMode!('GET', '/v1/responses/resp_1')).toBe('buffered');
    // Other methods on /v1 paths fall to the catch-all proxy, which streams its body.
    expect(handler.bodyMode!('PUT', '/v1/responses/resp_1')).toBe('streamed');
    expect(handler.hasRoute('PUT', '/responses/resp_1')).toBe(false);
  });
});
