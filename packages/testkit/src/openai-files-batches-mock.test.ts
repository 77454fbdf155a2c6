import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIMock, type OpenAIMock } from './openai-mock.js';

let mock: OpenAIMock;
beforeAll(async () => {
  mock = await startOpenAIMock({ apiKey: 'sk-files' });
});
afterAll(() => mock.close());

const auth = { authorization: 'Bearer sk-files' };

async function call(method: string, path: string, body?: FormData | string, headers: Record<string, string> = {}) {
  const response = await fetch(`${mock.baseURL}${path}`, { method, headers: { ...auth, ...headers }, body });
  return { status: response.status, json: (await response.json()) as any };
}

describe('files and batches on the OpenAI mock', () => {
  it('keeps an upload as it arrived and serves it back', async () => {
    const form = new FormData();
    form.append('purpose', 'batch');
    form.append('file', new File(['{"custom_id":"a"}\n{"custom_id":"b"}\n'], 'in.jsonl'));
    const { status, json: file } = await call('POST', '/files', form);
    expect(status).toBe(200);
    expect(file).toMatchObject({ object: 'file', filename: 'in.jsonl', purpose: 'batch', bytes: 36, status: 'processed' });
    expect((await call('GET', '/files?purpose=batch')).json.data.map((item: { id: string }) => item.id)).toContain(file.id);
    const content = await fetch(`${mock.baseURL}/files/${file.id}/content`, { headers: auth });
    expect(await content.text()).toBe('{"custom_id":"a"}\n{"custom_id":"b"}\n');

    const batch = (await call('POST', '/batches', JSON.stringify({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' }), { 'content-type': 'application/json' })).json;
    expect(batch).toMatchObject({ object: 'batch', status: 'validating', request_counts: { total: 2 } });
    expect((await call('GET', `/batches/${batch.id}`)).json.status).toBe('in_progress');
    expect((await call('POST', `/batches/${batch.id}/cancel`)).json.status).toBe('cancelling');
    expect((await call('GET', `/batches/${batch.id}`)).json.status).toBe('cancelled');

    expect((await call('DELETE', `/files/${file.id}`)).json).toEqual({ id: file.id, object: 'file', deleted: true });
    expect((await call('GET', `/files/${file.id}`)).status).toBe(404);
  });

  it('refuses an upload without a purpose and a batch of an unknown file', async () => {
    const form = new FormData();
    form.append('file', new File(['x'], 'x.jsonl'));
    const noPurpose = await call('POST', '/files', form);
    expect(noPurpose.status).toBe(400);
    expect(noPurpose.json.error.param).toBe('purpose');
    const unknown = await call('POST', '/batches', JSON.stringify({ input_file_id: 'file-nope', endpoint: '/v1/chat/completions', completion_window: '24h' }), { 'content-type': 'application/json' });
    expect(unknown.status).toBe(400);
  });
});
