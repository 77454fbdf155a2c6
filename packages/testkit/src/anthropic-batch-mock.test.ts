import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAnthropicMock, type AnthropicMock } from './anthropic-mock.js';

let mock: AnthropicMock;

beforeAll(async () => {
  mock = await startAnthropicMock({ apiKey: 'sk-ant-test' });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const headers = { 'x-api-key': 'sk-ant-test', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' };

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${mock.baseURL}${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, text, json: text.startsWith('{') ? JSON.parse(text) : undefined };
}

const params = (text: string, extra: Record<string, unknown> = {}) => ({ model: 'claude-haiku-4-5', max_tokens: 64, messages: [{ role: 'user', content: text }], ...extra });

describe('Message Batches on the Anthropic mock', () => {
  it('keeps the params, reports in_progress, then ends and serves each answer as a JSONL line', async () => {
    const created = await call('POST', '/messages/batches', {
      requests: [
        { custom_id: 'first', params: params('hello there') },
        { custom_id: 'second', params: params('bad one', { max_tokens: 0 }) },
      ],
    });
    expect(created.status).toBe(200);
    expect(created.json).toMatchObject({ type: 'message_batch', processing_status: 'in_progress', results_url: null });
    expect(created.json.request_counts).toEqual({ processing: 2, succeeded: 0, errored: 0, canceled: 0, expired: 0 });
    expect(mock.batches.get(created.json.id)!.requests[0]!.params).toEqual(params('hello there'));

    const id = created.json.id as string;
    expect((await call('GET', `/messages/batches/${id}`)).json.processing_status).toBe('in_progress');
    expect((await call('GET', `/messages/batches/${id}/results`)).status).toBe(400);
    const ended = (await call('GET', `/messages/batches/${id}`)).json;
    expect(ended.processing_status).toBe('ended');
    expect(ended.request_counts).toEqual({ processing: 0, succeeded: 1, errored: 1, canceled: 0, expired: 0 });
    expect(ended.results_url).toBe(`${mock.url}/v1/messages/batches/${id}/results`);

    const results = await fetch(ended.results_url, { headers });
    const lines = (await results.text()).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ custom_id: 'first', result: { type: 'succeeded', message: { type: 'message', content: [{ type: 'text', text: 'echo: hello there' }] } } });
    expect(lines[1]).toMatchObject({ custom_id: 'second', result: { type: 'errored', error: { type: 'error', error: { type: 'invalid_request_error' } } } });
    expect(lines[1].result.error.error.message).toContain('max_tokens');
  });

  it('cancels: canceling until it ends, then every unprocessed request canceled', async () => {
    const { json: created } = await call('POST', '/messages/batches', { requests: [{ custom_id: 'a', params: params('one') }] });
    const canceling = await call('POST', `/messages/batches/${created.id}/cancel`);
    expect(canceling.json.processing_status).toBe('canceling');
    expect(canceling.json.cancel_initiated_at).toEqual(expect.any(String));
    mock.endBatches();
    const ended = (await call('GET', `/messages/batches/${created.id}`)).json;
    expect(ended).toMatchObject({ processing_status: 'ended', request_counts: { canceled: 1, succeeded: 0 } });
  });

  it('lists newest first and pages with after_id', async () => {
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c']) ids.push((await call('POST', '/messages/batches', { requests: [{ custom_id: name, params: params(name) }] })).json.id);
    const first = (await call('GET', '/messages/batches?limit=2')).json;
    expect(first.data.map((batch: { id: string }) => batch.id)).toEqual([ids[2], ids[1]]);
    expect(first).toMatchObject({ has_more: true, first_id: ids[2], last_id: ids[1] });
    const second = (await call('GET', `/messages/batches?limit=2&after_id=${first.last_id}`)).json;
    expect(second.data.map((batch: { id: string }) => batch.id)).toEqual([ids[0]]);
    expect(second.has_more).toBe(false);
  });

  it('refuses duplicate custom_ids and unknown batches as the API does', async () => {
    const duplicate = await call('POST', '/messages/batches', { requests: [{ custom_id: 'x', params: params('1') }, { custom_id: 'x', params: params('2') }] });
    expect(duplicate.status).toBe(400);
    expect(duplicate.json.error.message).toContain('x');
    const missing = await call('GET', '/messages/batches/msgbatch_nope');
    expect(missing.status).toBe(404);
    expect(missing.json.error.type).toBe('not_found_error');
  });
});
