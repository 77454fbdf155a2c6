import type { BatchResultItem, ChatRequest } from '@switchyard/core';
import { UpstreamError } from '@switchyard/core';
import { createTestCallContext, startAnthropicMock, type AnthropicMock, type TestCallContext } from '@switchyard/testkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from '../src/index.js';

// The adapter's Message Batches operations against the mock, which keeps what it received.
const adapter = createAnthropicProvider();
const apiKey = 'sk-ant-batches';
let mock: AnthropicMock;
let testCall: TestCallContext;

beforeAll(async () => {
  mock = await startAnthropicMock({ apiKey });
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.reset();
  testCall = createTestCallContext({ settings: { apiKey, baseURL: mock.baseURL } });
});
afterEach(() => testCall.close());

function chat(text: string, extra: Partial<ChatRequest> = {}): ChatRequest {
  return {
    stream: false,
    model: 'claude-haiku-4-5',
    maxOutputTokens: 100,
    messages: [
      { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
      { role: 'user', content: [{ type: 'text', text }] },
    ],
    ...extra,
  };
}

async function collect(items: AsyncIterable<BatchResultItem>): Promise<BatchResultItem[]> {
  const all: BatchResultItem[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('anthropic batches', () => {
  it('creates a batch of Messages params with the adapter\'s headers', async () => {
    const info = await adapter.batches!.create({ items: [{ customId: 'q1', request: chat('hi') }, { customId: 'q2', request: chat('yo', { temperature: 0.2 }) }] }, testCall.context);
    expect(info).toMatchObject({ status: 'in_progress', rawStatus: 'in_progress', counts: { total: 2, completed: 0, failed: 0 } });
    expect(info.id).toMatch(/^msgbatch_/);

    const [received] = mock.received;
    expect(received!.method).toBe('POST');
    expect(received!.path).toBe('/v1/messages/batches');
    expect(received!.headers['x-api-key']).toBe(apiKey);
    expect(received!.headers['anthropic-version']).toBe('2023-06-01');
    expect(received!.json.requests).toEqual([
      { custom_id: 'q1', params: { model: 'claude-haiku-4-5', max_tokens: 100, system: [{ type: 'text', text: 'Be brief.' }], messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] } },
      { custom_id: 'q2', params: { model: 'claude-haiku-4-5', max_tokens: 100, system: [{ type: 'text', text: 'Be brief.' }], temperature: 0.2, messages: [{ role: 'user', content: [{ type: 'text', text: 'yo' }] }] } },
    ]);
  });

  it('retrieves until ended, lists, and streams the results decoded to canonical', async () => {
    const created = await adapter.batches!.create({ items: [{ customId: 'ok', request: chat('good day') }, { customId: 'bad', request: chat('x', { maxOutputTokens: 0 }) }] }, testCall.context);
    expect((await adapter.batches!.retrieve(created.id, testCall.context)).status).toBe('in_progress');
    const ended = await adapter.batches!.retrieve(created.id, testCall.context);
    expect(ended).toMatchObject({ status: 'completed', rawStatus: 'ended', counts: { total: 2, completed: 1, failed: 1 } });
    expect(ended.completedAt).toEqual(expect.any(Number));

    const listed = await adapter.batches!.list({ limit: 10 }, testCall.context);
    expect(listed.batches.map((batch) => batch.id)).toEqual([created.id]);
    expect(listed.hasMore).toBe(false);
    expect(mock.received.at(-1)!.path).toBe('/v1/messages/batches?limit=10');

    const results = await collect(await adapter.batches!.results(created.id, testCall.context));
    expect(results).toHaveLength(2);
    expect(results[0]!.customId).toBe('ok');
    expect(results[0]!.response?.content).toEqual([{ type: 'text', text: 'echo: good day' }]);
    expect(results[0]!.response?.finishReason.unified).toBe('stop');
    expect(results[1]).toMatchObject({ customId: 'bad', error: { status: 400, code: 'invalid_request_error' } });
    expect(mock.received.at(-1)!.headers['x-api-key']).toBe(apiKey);
  });

  it('cancels and maps the states', async () => {
    const created = await adapter.batches!.create({ items: [{ customId: 'c1', request: chat('one') }] }, testCall.context);
    const cancelling = await adapter.batches!.cancel(created.id, testCall.context);
    expect(cancelling.status).toBe('cancelling');
    expect(cancelling.cancellingAt).toEqual(expect.any(Number));
    mock.endBatches();
    expect((await adapter.batches!.retrieve(created.id, testCall.context)).status).toBe('cancelled');
    const [result] = await collect(await adapter.batches!.results(created.id, testCall.context));
    expect(result).toMatchObject({ customId: 'c1', error: { code: 'batch_cancelled' } });
  });

  it('turns an unknown batch into the upstream\'s 404', async () => {
    const error = await adapter.batches!.retrieve('msgbatch_missing', testCall.context).catch((caught: unknown) => caught);
    expect(UpstreamError.isInstance(error)).toBe(true);
    expect((error as UpstreamError).status).toBe(404);
  });
});
