import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { type AnthropicMock, type AzureOpenAIMock, type OpenAIMock, startAnthropicMock, startAzureOpenAIMock, startOpenAIMock } from '@switchyard/testkit';
import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

/** A JSONL batch input file of chat requests, written by the test. */
function batchInput(lines: Array<{ custom_id: string; body: Record<string, unknown>; url?: string }>): string {
  return lines.map((line) => JSON.stringify({ custom_id: line.custom_id, method: 'POST', url: line.url ?? '/v1/chat/completions', body: line.body })).join('\n') + '\n';
}

function chatBody(model: string, text: string, extra: Record<string, unknown> = {}) {
  return { model, max_tokens: 50, messages: [{ role: 'system', content: 'Answer briefly.' }, { role: 'user', content: text }], ...extra };
}

/** The upload as a Node stream of small chunks, so the SDK sends it as it reads it. */
function streamOf(text: string): Readable {
  const bytes = Buffer.from(text);
  return Readable.from((function* () {
    for (let at = 0; at < bytes.length; at += 100) yield bytes.subarray(at, at + 100);
  })());
}

function jsonLines(text: string): any[] {
  return text.trimEnd().split('\n').map((line) => JSON.parse(line));
}

// Anthropic has Message Batches but no files API: the gateway keeps the upload, translates each
// line of the OpenAI batch file to Messages params, and makes the output and error files from
// Anthropic's results.
describe('files and batches translated to Anthropic Message Batches', () => {
  let anthropic: AnthropicMock;
  let gateway: TestGateway;
  let client: OpenAI;
  const folder = mkdtempSync(join(tmpdir(), 'switchyard-files-'));

  beforeAll(async () => {
    anthropic = await startAnthropicMock({ apiKey: 'sk-ant-batches' });
    gateway = await startTestGateway({
      files: { store: 'disk', dir: folder },
      providers: { claude: { adapter: 'anthropic', apiKey: 'sk-ant-batches', baseURL: anthropic.baseURL } },
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'sk-ant-batches', maxRetries: 0, defaultHeaders: { 'x-switchyard-provider': 'claude' } });
  });
  afterAll(async () => {
    await gateway?.close();
    await anthropic?.close();
    rmSync(folder, { recursive: true, force: true });
  });
  beforeEach(() => anthropic.reset());

  async function upload(text: string, filename = 'input.jsonl') {
    return client.files.create({ file: await toFile(streamOf(text), filename), purpose: 'batch' });
  }

  async function untilEnded(id: string) {
    for (let attempt = 0; attempt < 10; attempt++) {
      const batch = await client.batches.retrieve(id);
      if (['completed', 'cancelled', 'expired', 'failed'].includes(batch.status)) return batch;
    }
    throw new Error(`batch ${id} did not end`);
  }

  it('runs a batch of three chat requests and serves the answers as the output file', async () => {
    const input = batchInput([
      { custom_id: 'req-1', body: chatBody('@claude/claude-haiku-4-5', 'first question') },
      { custom_id: 'req-2', body: chatBody('claude-haiku-4-5', 'second question', { temperature: 0.5 }) },
      { custom_id: 'req-3', body: chatBody('claude-sonnet-4-5', 'third question', { max_tokens: 80 }) },
    ]);
    const file = await upload(input, 'questions.jsonl');
    expect(file).toMatchObject({ object: 'file', bytes: Buffer.byteLength(input), filename: 'questions.jsonl', purpose: 'batch', status: 'processed' });
    expect(file.id).toMatch(/^file-/);
    expect(anthropic.received).toHaveLength(0); // kept by the gateway, not sent anywhere
    expect(await client.files.retrieve(file.id)).toMatchObject({ id: file.id, bytes: file.bytes });
    expect(await (await client.files.content(file.id)).text()).toBe(input);

    const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { job: 'nightly' } });
    expect(batch).toMatchObject({
      object: 'batch',
      endpoint: '/v1/chat/completions',
      input_file_id: file.id,
      completion_window: '24h',
      status: 'in_progress',
      output_file_id: null,
      request_counts: { total: 3, completed: 0, failed: 0 },
      metadata: { job: 'nightly' },
    });
    expect(batch.id).toMatch(/^msgbatch_/);

    const [created] = anthropic.received;
    expect(created!.path).toBe('/v1/messages/batches');
    expect(created!.headers['x-api-key']).toBe('sk-ant-batches');
    expect(created!.headers['anthropic-version']).toBe('2023-06-01');
    const requests = created!.json.requests as Array<{ custom_id: string; params: Record<string, any> }>;
    expect(requests.map((request) => request.custom_id)).toEqual(['req-1', 'req-2', 'req-3']);
    expect(requests.map((request) => request.params.model)).toEqual(['claude-haiku-4-5', 'claude-haiku-4-5', 'claude-sonnet-4-5']);
    expect(requests.map((request) => request.params.max_tokens)).toEqual([50, 50, 80]);
    for (const request of requests) expect(request.params.system).toEqual([{ type: 'text', text: 'Answer briefly.' }]);
    expect(requests[1]!.params.temperature).toBe(0.5);
    expect(requests[0]!.params.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'first question' }] }]);

    const ended = await untilEnded(batch.id);
    expect(ended).toMatchObject({ status: 'completed', request_counts: { total: 3, completed: 3, failed: 0 }, error_file_id: null, metadata: { job: 'nightly' }, input_file_id: file.id });
    expect(ended.completed_at).toEqual(expect.any(Number));
    expect(ended.output_file_id).toEqual(expect.any(String));

    const lines = jsonLines(await (await client.files.content(ended.output_file_id!)).text());
    expect(lines.map((line) => line.custom_id)).toEqual(['req-1', 'req-2', 'req-3']);
    const questions = ['first question', 'second question', 'third question'];
    lines.forEach((line, index) => {
      expect(line.error).toBeNull();
      expect(line.response.status_code).toBe(200);
      expect(line.response.body).toMatchObject({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: `echo: ${questions[index]}` }, finish_reason: 'stop' }] });
      expect(line.response.body.usage.prompt_tokens).toEqual(expect.any(Number));
    });
    expect((await client.files.retrieve(ended.output_file_id!)).purpose).toBe('batch_output');

    const listed = await client.batches.list({ limit: 5 });
    expect(listed.data.map((item) => item.id)).toContain(batch.id);
    expect(listed.data.find((item) => item.id === batch.id)?.metadata).toEqual({ job: 'nightly' });
  });

  it('puts a request Anthropic refused in the error file', async () => {
    const file = await upload(batchInput([
      { custom_id: 'good', body: chatBody('claude-haiku-4-5', 'fine') },
      { custom_id: 'no-room', body: chatBody('claude-haiku-4-5', 'bad', { max_tokens: 0 }) },
    ]));
    const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    const ended = await untilEnded(batch.id);
    expect(ended.request_counts).toEqual({ total: 2, completed: 1, failed: 1 });
    const output = jsonLines(await (await client.files.content(ended.output_file_id!)).text());
    expect(output.map((line) => line.custom_id)).toEqual(['good']);
    const errors = jsonLines(await (await client.files.content(ended.error_file_id!)).text());
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ custom_id: 'no-room', response: { status_code: 400, body: { error: { type: 'invalid_request_error', message: expect.stringContaining('max_tokens') } } } });
  });

  it('cancels a batch and maps Anthropic\'s states', async () => {
    const file = await upload(batchInput([{ custom_id: 'only', body: chatBody('claude-haiku-4-5', 'cancel me') }]));
    const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    const cancelling = await client.batches.cancel(batch.id);
    expect(cancelling).toMatchObject({ id: batch.id, status: 'cancelling', input_file_id: file.id });
    expect(cancelling.cancelling_at).toEqual(expect.any(Number));
    expect(anthropic.received.at(-1)!.path).toBe(`/v1/messages/batches/${batch.id}/cancel`);
    anthropic.endBatches();
    const cancelled = await client.batches.retrieve(batch.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', request_counts: { total: 1, completed: 0, failed: 1 }, output_file_id: null });
    const errors = jsonLines(await (await client.files.content(cancelled.error_file_id!)).text());
    expect(errors).toEqual([expect.objectContaining({ custom_id: 'only', response: null, error: { code: 'batch_cancelled', message: expect.any(String) } })]);
  });

  it('refuses a bad input line with a 400 naming the line, and sends nothing upstream', async () => {
    const file = await upload(batchInput([
      { custom_id: 'a', body: chatBody('claude-haiku-4-5', 'ok') },
      { custom_id: 'b', body: chatBody('claude-haiku-4-5', 'wrong endpoint'), url: '/v1/embeddings' },
    ]));
    const error = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).message).toMatch(/Line 2 of input file file-\w+: url is "\/v1\/embeddings"/);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('input_file_id');

    const duplicate = await upload(batchInput([
      { custom_id: 'same', body: chatBody('claude-haiku-4-5', 'one') },
      { custom_id: 'same', body: chatBody('claude-haiku-4-5', 'two') },
    ]));
    await expect(client.batches.create({ input_file_id: duplicate.id, endpoint: '/v1/chat/completions', completion_window: '24h' })).rejects.toThrow(/Line 2 .*custom_id "same"/);
    const notJson = await upload('{"custom_id":"x","method":"POST","url":"/v1/chat/completions","body":{}}\n{oops\n');
    await expect(client.batches.create({ input_file_id: notJson.id, endpoint: '/v1/chat/completions', completion_window: '24h' })).rejects.toThrow(/Line (1|2) of input file/);
    expect(anthropic.received).toHaveLength(0);
  });

  it('lists and deletes the files it keeps', async () => {
    const kept = await upload(batchInput([{ custom_id: 'k', body: chatBody('claude-haiku-4-5', 'keep') }]), 'kept.jsonl');
    const listed = await client.files.list({ purpose: 'batch' });
    expect(listed.data[0]).toMatchObject({ id: kept.id, filename: 'kept.jsonl' });
    expect(await client.files.delete(kept.id)).toEqual({ id: kept.id, object: 'file', deleted: true });
    await expect(client.files.retrieve(kept.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('streams a large upload to the file store with flat memory', async () => {
    const megabytes = 128;
    const boundary = 'switchyard-translated-boundary';
    const line = Buffer.from(`${JSON.stringify({ custom_id: 'x', method: 'POST', url: '/v1/chat/completions', body: chatBody('claude-haiku-4-5', 'x') })}\n`);
    const chunk = Buffer.concat(Array.from({ length: Math.floor((1024 * 1024) / line.length) }, () => line));
    const before = process.memoryUsage().rss;
    let peak = 0;
    const body = Readable.from((async function* () {
      yield Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.jsonl"\r\ncontent-type: application/jsonl\r\n\r\n`);
      for (let index = 0; index < megabytes; index++) {
        peak = Math.max(peak, process.memoryUsage().rss - before);
        yield chunk;
      }
      yield Buffer.from(`\r\n--${boundary}\r\ncontent-disposition: form-data; name="purpose"\r\n\r\nbatch\r\n--${boundary}--\r\n`);
    })());
    const response = await fetch(`${gateway.url}/v1/files`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-switchyard-provider': 'claude', authorization: 'Bearer sk-ant-batches' },
      body: Readable.toWeb(body) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
    const file = (await response.json()) as { id: string };
    // The purpose came after the file: the stored record still says it.
    expect(file).toMatchObject({ object: 'file', filename: 'big.jsonl', purpose: 'batch', bytes: megabytes * chunk.length });
    peak = Math.max(peak, process.memoryUsage().rss - before);
    expect(peak).toBeLessThan(96 * 1024 * 1024);
    await client.files.delete(file.id);
  });

  it('answers 413 past the upload limit and keeps nothing', async () => {
    const limited = await startTestGateway({
      uploadLimitBytes: 4096,
      providers: { claude: { adapter: 'anthropic', apiKey: 'sk-ant-batches', baseURL: anthropic.baseURL } },
    });
    try {
      const limitedClient = new OpenAI({ baseURL: `${limited.url}/v1`, apiKey: 'sk-ant-batches', maxRetries: 0, defaultHeaders: { 'x-switchyard-provider': 'claude' } });
      const large = batchInput(Array.from({ length: 100 }, (_, index) => ({ custom_id: `r${index}`, body: chatBody('claude-haiku-4-5', 'too much') })));
      const error = await limitedClient.files.create({ file: await toFile(streamOf(large), 'large.jsonl'), purpose: 'batch' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(413);
      expect((error as Error).message).toContain('upload limit of 4096 bytes');
      expect((await limitedClient.files.list()).data).toEqual([]);
    } finally {
      await limited.close();
    }
  });

  it('refuses a purpose it cannot use for a provider without a files API', async () => {
    const error = await client.files.create({ file: await toFile(Buffer.from('{}'), 'x.jsonl'), purpose: 'fine-tune' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as Error).message).toContain('purpose "batch"');
    expect((await client.files.list()).data.map((file) => file.filename)).not.toContain('x.jsonl');
  });
});

describe('files and batches on a provider with neither', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({});
  });
  afterAll(() => gateway?.close());

  it('answers 400 naming the provider and the endpoint', async () => {
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'x-switchyard-provider': 'mock' } });
    const files = await client.files.list().catch((caught: unknown) => caught);
    expect(files).toBeInstanceOf(OpenAI.BadRequestError);
    expect((files as Error).message).toMatch(/Provider "mock" does not serve \/v1\/files/);
    const batches = await client.batches.list().catch((caught: unknown) => caught);
    expect((batches as Error).message).toMatch(/Provider "mock" does not serve \/v1\/batches/);
  });
});

/** The multipart form the upstream received, parsed back. */
async function receivedForm(request: { headers: Record<string, string>; raw: Uint8Array }): Promise<FormData> {
  return new Response(request.raw, { headers: { 'content-type': request.headers['content-type']! } }).formData();
}

// OpenAI serves files and batches itself: the gateway forwards each call as it came, the upload
// streamed through without being held.
describe('files and batches forwarded to OpenAI', () => {
  let openai: OpenAIMock;
  let gateway: TestGateway;
  let client: OpenAI;

  beforeAll(async () => {
    openai = await startOpenAIMock({ apiKey: 'sk-openai-files' });
    gateway = await startTestGateway({ providers: { gpt: { adapter: 'openai', apiKey: 'sk-openai-files', baseURL: openai.baseURL } }, defaultProvider: 'gpt' });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gateway-client', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await openai?.close();
  });
  beforeEach(() => openai.reset());

  it('uploads a stream intact, then lists, retrieves, downloads and deletes it', async () => {
    const input = batchInput(Array.from({ length: 200 }, (_, index) => ({ custom_id: `r${index}`, body: chatBody('gpt-4o-mini', `question ${index} ✓`) })));
    const file = await client.files.create({ file: await toFile(streamOf(input), 'native.jsonl'), purpose: 'batch' });
    expect(file).toMatchObject({ object: 'file', filename: 'native.jsonl', purpose: 'batch', bytes: Buffer.byteLength(input) });
    expect(file.id).toMatch(/^file-mock/);

    const [upload] = openai.received;
    expect(upload!.method).toBe('POST');
    expect(upload!.path).toBe('/v1/files');
    expect(upload!.headers.authorization).toBe('Bearer sk-openai-files');
    const form = await receivedForm(upload!);
    expect(form.get('purpose')).toBe('batch');
    const sent = form.get('file') as File;
    expect(sent.name).toBe('native.jsonl');
    expect(await sent.text()).toBe(input);

    const listed = await client.files.list({ purpose: 'batch' });
    expect(listed.data.map((item) => item.id)).toEqual([file.id]);
    expect(openai.received.at(-1)!.path).toBe('/v1/files?purpose=batch');
    expect(await client.files.retrieve(file.id)).toMatchObject({ id: file.id, bytes: file.bytes });
    expect(await (await client.files.content(file.id)).text()).toBe(input);
    expect(await client.files.delete(file.id)).toMatchObject({ id: file.id, deleted: true });
    await expect(client.files.retrieve(file.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('creates, retrieves, lists and cancels a batch at OpenAI', async () => {
    const file = await client.files.create({ file: await toFile(Buffer.from(batchInput([{ custom_id: 'a', body: chatBody('gpt-4o-mini', 'hi') }])), 'in.jsonl'), purpose: 'batch' });
    const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { team: 'search' } });
    expect(batch).toMatchObject({ object: 'batch', status: 'validating', input_file_id: file.id, metadata: { team: 'search' }, request_counts: { total: 1 } });
    const created = openai.received.at(-1)!;
    expect(created.path).toBe('/v1/batches');
    expect(created.json).toEqual({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { team: 'search' } });

    expect((await client.batches.retrieve(batch.id)).status).toBe('in_progress');
    expect(openai.received.at(-1)!.path).toBe(`/v1/batches/${batch.id}`);
    expect((await client.batches.list({ limit: 3 })).data.map((item) => item.id)).toEqual([batch.id]);
    expect(openai.received.at(-1)!.path).toBe('/v1/batches?limit=3');
    expect((await client.batches.cancel(batch.id)).status).toBe('cancelling');
    expect(openai.received.at(-1)!.path).toBe(`/v1/batches/${batch.id}/cancel`);
    expect((await client.batches.retrieve(batch.id)).status).toBe('cancelled');
  });

  it('streams a large upload through with flat gateway memory', async () => {
    // A raw streamed request: the SDK's toFile reads a stream whole before sending, which would
    // hide what the gateway does. Client, gateway and mock share this process, so any of them
    // holding the upload whole would add its 128 MB or more.
    const megabytes = 128;
    const boundary = 'switchyard-test-boundary';
    const chunk = Buffer.alloc(1024 * 1024, '{"custom_id":"x"}\n');
    const before = process.memoryUsage().rss;
    let peak = 0;
    const body = Readable.from((async function* () {
      yield Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="purpose"\r\n\r\nbatch\r\n--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.jsonl"\r\ncontent-type: application/jsonl\r\n\r\n`);
      for (let index = 0; index < megabytes; index++) {
        peak = Math.max(peak, process.memoryUsage().rss - before);
        yield chunk;
      }
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    })());
    const big = await startOpenAIMock({ apiKey: 'sk-openai-files', keepBodyBytes: 64 * 1024 });
    const bigGateway = await startTestGateway({ providers: { gpt: { adapter: 'openai', apiKey: 'sk-openai-files', baseURL: big.baseURL } }, defaultProvider: 'gpt' });
    try {
      const response = await fetch(`${bigGateway.url}/v1/files`, {
        method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        body: Readable.toWeb(body) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ object: 'file', filename: 'big.jsonl', purpose: 'batch' });
      expect(big.received[0]!.bodyBytes).toBeGreaterThan(megabytes * 1024 * 1024);
      peak = Math.max(peak, process.memoryUsage().rss - before);
      // Garbage not yet collected moves RSS by tens of MB either way; holding the upload would add its 128.
      expect(peak).toBeLessThan(96 * 1024 * 1024);
    } finally {
      await bigGateway.close();
      await big.close();
    }
  });
});

// Azure OpenAI serves files and batches on the resource (`/openai/files?api-version=…`).
describe('files and batches forwarded to Azure OpenAI', () => {
  let azure: AzureOpenAIMock;
  let gateway: TestGateway;

  beforeAll(async () => {
    azure = await startAzureOpenAIMock({ apiKey: 'azure-files-key' });
    gateway = await startTestGateway({ providers: { 'azure-files': { adapter: 'azure-openai', apiKey: 'azure-files-key', baseURL: azure.baseURL } } });
  });
  afterAll(async () => {
    await gateway?.close();
    await azure?.close();
  });

  it('uploads intact and runs a batch on the resource', async () => {
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'x-switchyard-config': JSON.stringify({ provider: '@azure-files' }) } });
    const input = batchInput([{ custom_id: 'z', body: chatBody('gpt-4o-mini', 'azure') }]);
    const file = await client.files.create({ file: await toFile(streamOf(input), 'azure.jsonl'), purpose: 'batch' });
    expect(file).toMatchObject({ filename: 'azure.jsonl', purpose: 'batch', bytes: Buffer.byteLength(input) });
    const upload = azure.received[0]!;
    expect(upload.path).toMatch(/^\/openai\/files\?api-version=/);
    expect(upload.headers['api-key']).toBe('azure-files-key');
    expect(await ((await receivedForm(upload)).get('file') as File).text()).toBe(input);

    const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    expect(azure.received.at(-1)!.path).toMatch(/^\/openai\/batches\?api-version=/);
    expect((await client.batches.retrieve(batch.id)).status).toBe('in_progress');
    expect(await (await client.files.content(file.id)).text()).toBe(input);
  });
});
