import { createMemoryFileStore, createMemoryResponseStore } from '@switchyard/storage';
import { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Switchyard } from '../src/index.js';
import { type TestUpstreams, startTestUpstreams } from './test-upstreams.js';

// Stateful Responses and uploads for a provider without a files API, with the gateway embedded
// in this process: the stores are the caller's, passed in.
let upstreams: TestUpstreams;
beforeAll(async () => {
  upstreams = await startTestUpstreams();
});
afterAll(async () => {
  await upstreams?.close();
});

describe('an embedded gateway with a response store', () => {
  it('chains turns by previous_response_id, keeps the answer in the caller\'s store, retrieves and deletes it', async () => {
    const responseStore = createMemoryResponseStore();
    const client = Switchyard.embedded({ adapters: upstreams.adapters, providers: upstreams.providers, defaultProvider: 'mock', responseStore, maxRetries: 0 });
    try {
      const first = await client.responses.create({ model: 'echo-1', input: 'one two' });
      expect((await responseStore.get(first.id))?.response).toMatchObject({ id: first.id, object: 'response' });
      const second = await client.responses.create({ model: 'echo-1', input: 'three', previous_response_id: first.id });
      // The mock bills every word it was sent: 'one two' + 'echo: one two' + 'three'.
      expect(second.usage?.input_tokens).toBe(2 + 3 + 1);
      expect((await client.responses.retrieve(second.id)).previous_response_id).toBe(first.id);
      await client.responses.delete(first.id);
      expect(await responseStore.get(first.id)).toBeUndefined();
      await expect(client.responses.retrieve(first.id)).rejects.toMatchObject({ status: 404 });
    } finally {
      await client.close();
    }
    // close() left the caller's store open.
    expect(await responseStore.get('resp_missing')).toBeUndefined();
  });

  it('without one, refuses previous_response_id naming how to give it one', async () => {
    const client = Switchyard.embedded({ adapters: upstreams.adapters, providers: upstreams.providers, defaultProvider: 'mock', maxRetries: 0 });
    try {
      const error = await client.responses.create({ model: 'echo-1', input: 'x', previous_response_id: 'resp_earlier' }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status: 400, code: 'response_store_not_configured', param: 'previous_response_id' });
      expect(String((error as Error).message)).toMatch(/`responseStore` for a gateway embedded with the SDK/);
    } finally {
      await client.close();
    }
  });
});

describe('an embedded gateway with a file store', () => {
  it('keeps an upload for Anthropic (no files API) in the caller\'s store and lists it back', async () => {
    const fileStore = createMemoryFileStore();
    const client = Switchyard.embedded({ adapters: upstreams.adapters, providers: upstreams.providers, defaultProvider: 'claude', fileStore, maxRetries: 0 });
    try {
      const line = JSON.stringify({ custom_id: 'a', method: 'POST', url: '/v1/chat/completions', body: { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'hi' }] } });
      const file = await client.files.create({ file: await toFile(Buffer.from(`${line}\n`), 'batch.jsonl'), purpose: 'batch' });
      expect(file).toMatchObject({ object: 'file', filename: 'batch.jsonl', purpose: 'batch', bytes: line.length + 1 });
      expect((await client.files.retrieve(file.id)).id).toBe(file.id);
      expect(upstreams.anthropic.received).toHaveLength(0);
    } finally {
      await client.close();
    }
  });

  it('without one, answers 400 for the upload', async () => {
    const client = Switchyard.embedded({ adapters: upstreams.adapters, providers: upstreams.providers, defaultProvider: 'claude', maxRetries: 0 });
    try {
      await expect(client.files.create({ file: await toFile(Buffer.from('{}\n'), 'batch.jsonl'), purpose: 'batch' })).rejects.toMatchObject({ status: 400 });
    } finally {
      await client.close();
    }
  });
});
