import { mockEmbeddingVector, mockPngBase64, mockSpeechBytes, startOpenAIMock, type OpenAIMock } from '@switchyard/testkit';
import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// Issue 7: the OpenAI endpoints besides chat, through the gateway with the official SDK, to the
// testkit OpenAI mock, which records what it received.
describe('OpenAI endpoints through the gateway to an OpenAI upstream', () => {
  let upstream: OpenAIMock;
  let gateway: TestGateway;
  let client: OpenAI;

  beforeAll(async () => {
    upstream = await startOpenAIMock({ apiKey: 'sk-upstream' });
    gateway = await startTestGateway({
      providers: { 'openai-test': { adapter: 'openai', apiKey: 'sk-upstream', baseURL: `${upstream.url}/v1` } },
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gateway-client', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });
  beforeEach(() => {
    upstream.reset();
    gateway.records.length = 0;
  });

  it('embeddings.create: floats, batched input and dimensions forwarded, model rewritten', async () => {
    const result = await client.embeddings.create({ model: '@openai-test/text-embedding-3-small', input: ['first text', 'second'], dimensions: 4, encoding_format: 'float' });
    expect(result.data.map((item) => item.embedding)).toEqual([mockEmbeddingVector('first text', 4), mockEmbeddingVector('second', 4)]);
    expect(result.usage).toEqual({ prompt_tokens: 3, total_tokens: 3 });
    const received = upstream.received[0]!;
    expect(received.path).toBe('/v1/embeddings');
    expect(received.headers.authorization).toBe('Bearer sk-upstream');
    expect(received.json).toEqual({ model: 'text-embedding-3-small', input: ['first text', 'second'], dimensions: 4, encoding_format: 'float' });
    expect(gateway.records[0]).toMatchObject({ provider: 'openai-test', status: 200, passthrough: true, modelRequested: '@openai-test/text-embedding-3-small' });
  });

  it('embeddings.create: base64 passes through and the SDK decodes the same floats', async () => {
    // The SDK asks for base64 by default and decodes it itself.
    const result = await client.embeddings.create({ model: '@openai-test/text-embedding-3-small', input: 'hello world' });
    expect(upstream.received[0]!.json.encoding_format).toBe('base64');
    expect(result.data[0]!.embedding).toEqual(mockEmbeddingVector('hello world'));
  });

  it('images.generate: b64_json and url', async () => {
    const bytes = await client.images.generate({ model: '@openai-test/gpt-image-1', prompt: 'a red fox', response_format: 'b64_json', n: 2 });
    expect(bytes.data!.map((image) => image.b64_json)).toEqual([mockPngBase64, mockPngBase64]);
    expect(upstream.received[0]!.json).toEqual({ model: 'gpt-image-1', prompt: 'a red fox', response_format: 'b64_json', n: 2 });
    const urls = await client.images.generate({ model: '@openai-test/dall-e-3', prompt: 'a blue fox', response_format: 'url' });
    expect(urls.data![0]!.url).toBe('https://images.mock.example/0.png');
    expect(urls.data![0]!.revised_prompt).toBe('mock: a blue fox');
  });

  it('images.edit: the multipart form arrives intact (fields and file bytes), model rewritten', async () => {
    const image = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 254, 255, 13, 10, 0]);
    const result = await client.images.edit({ model: '@openai-test/gpt-image-1', image: await toFile(image, 'fox.png', { type: 'image/png' }), prompt: 'add a hat', size: '1024x1024' });
    // The mock answers with the image it received.
    expect(Buffer.from(result.data![0]!.b64_json!, 'base64')).toEqual(image);
    const received = upstream.received[0]!;
    expect(received.path).toBe('/v1/images/edits');
    const form = await new Response(received.raw, { headers: { 'content-type': received.headers['content-type']! } }).formData();
    expect(form.get('model')).toBe('gpt-image-1');
    expect(form.get('prompt')).toBe('add a hat');
    expect(form.get('size')).toBe('1024x1024');
    const file = form.get('image') as File;
    expect(file.name).toBe('fox.png');
    expect(file.type).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(image);
  });

  it('audio.transcriptions and translations with a file; the original bytes go through when the model needs no rewriting', async () => {
    const audio = Buffer.alloc(300_000, 7);
    // The provider header with the bearer token as the provider key, as for chat.
    const keyed = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'sk-upstream', maxRetries: 0, defaultHeaders: { 'x-switchyard-provider': 'openai-test' } });
    const transcription = await keyed.audio.transcriptions.create({ model: 'whisper-1', file: await toFile(audio, 'talk.mp3', { type: 'audio/mpeg' }), language: 'en' });
    expect(transcription.text).toBe('transcribed talk.mp3 (300000 bytes) with whisper-1');
    const received = upstream.received[0]!;
    expect(received.path).toBe('/v1/audio/transcriptions');
    // Unchanged: the same multipart bytes, boundary included.
    expect(received.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(received.bodyBytes).toBeGreaterThan(300_000);

    const translation = await client.audio.translations.create({ model: '@openai-test/whisper-1', file: await toFile(Buffer.from('RIFFdata'), 'hallo.wav') });
    expect(translation.text).toBe('translated hallo.wav (8 bytes) with whisper-1');
    const form = await new Response(upstream.received[1]!.raw, { headers: { 'content-type': upstream.received[1]!.headers['content-type']! } }).formData();
    expect(form.get('model')).toBe('whisper-1');
  });

  it('audio.speech streams the bytes back with the upstream content type', async () => {
    const response = await client.audio.speech.create({ model: '@openai-test/gpt-4o-mini-tts', voice: 'alloy', input: 'Hello there' });
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(mockSpeechBytes('Hello there'));
    expect(upstream.received[0]!.json).toEqual({ model: 'gpt-4o-mini-tts', voice: 'alloy', input: 'Hello there' });
  });

  it('moderations and legacy completions', async () => {
    const moderation = await client.moderations.create({ model: '@openai-test/omni-moderation-latest', input: ['I will hurt you', 'nice day'] });
    expect(moderation.results.map((result) => result.flagged)).toEqual([true, false]);
    expect(upstream.received[0]!.json.model).toBe('omni-moderation-latest');
    const completion = await client.completions.create({ model: '@openai-test/gpt-3.5-turbo-instruct', prompt: 'Say this', max_tokens: 5 });
    expect(completion.choices[0]!.text).toBe(' completion of: Say this');
    expect(upstream.received[1]!.json).toEqual({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say this', max_tokens: 5 });
  });

  it('fine_tuning.jobs: create, list, retrieve, cancel, events, checkpoints', async () => {
    // No model routing here: the provider comes from the config's (first) target.
    const options = { headers: { 'x-switchyard-config': '{"provider":"@openai-test"}' } };
    const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini-2024-07-18', training_file: 'file-train' }, options);
    expect(job).toMatchObject({ object: 'fine_tuning.job', model: 'gpt-4o-mini-2024-07-18', training_file: 'file-train', status: 'validating_files' });
    const list = await client.fineTuning.jobs.list({ limit: 5 }, options);
    expect(list.data.map((item) => item.id)).toContain(job.id);
    expect((await client.fineTuning.jobs.retrieve(job.id, options)).id).toBe(job.id);
    expect((await client.fineTuning.jobs.cancel(job.id, options)).status).toBe('cancelled');
    const events = await client.fineTuning.jobs.listEvents(job.id, { limit: 1 }, options);
    expect(events.data).toHaveLength(1);
    const checkpoints = await client.fineTuning.jobs.checkpoints.list(job.id, undefined, options);
    expect(checkpoints.data[0]!.fine_tuning_job_id).toBe(job.id);
    expect(upstream.received.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v1/fine_tuning/jobs',
      'GET /v1/fine_tuning/jobs?limit=5',
      `GET /v1/fine_tuning/jobs/${job.id}`,
      `POST /v1/fine_tuning/jobs/${job.id}/cancel`,
      `GET /v1/fine_tuning/jobs/${job.id}/events?limit=1`,
      `GET /v1/fine_tuning/jobs/${job.id}/checkpoints`,
    ]);
    // The provider's own key, never the client's.
    expect(new Set(upstream.received.map((request) => request.headers.authorization))).toEqual(new Set(['Bearer sk-upstream']));
  });

  it('proxies an unknown path (vector stores) with its query, body and the provider auth', async () => {
    const headers = { 'x-switchyard-provider': 'openai-test', authorization: 'Bearer sk-upstream' };
    const created = await client.post('/vector_stores', { body: { name: 'docs' }, headers });
    expect(created).toMatchObject({ object: 'vector_store', name: 'docs' });
    await client.post('/vector_stores', { body: { name: 'more' }, headers });
    const listed = (await client.get('/vector_stores?limit=1', { headers })) as { data: Array<{ name: string }>; has_more: boolean };
    expect(listed.data.map((store) => store.name)).toEqual(['docs']);
    expect(listed.has_more).toBe(true);
    expect(upstream.received[2]!.path).toBe('/v1/vector_stores?limit=1');
    expect(upstream.received[0]!.json).toEqual({ name: 'docs' });
    expect(upstream.received.every((request) => request.headers.authorization === 'Bearer sk-upstream')).toBe(true);
  });

  it('returns an upstream error verbatim', async () => {
    const response = await fetch(`${gateway.url}/v1/no_such_thing`, { headers: { 'x-switchyard-config': '{"provider":"@openai-test"}' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { message: 'Invalid URL (GET /v1/no_such_thing)', type: 'invalid_request_error', param: null, code: null } });
  });

  it('falls back for embeddings: the first target answers 500, the second serves', async () => {
    upstream.failNext({ status: 500 });
    const config = {
      strategy: { mode: 'fallback' },
      targets: [{ provider: '@openai-test' }, { provider: '@openai-test', override_params: { model: 'text-embedding-3-large' } }],
    };
    const result = await client.embeddings.create(
      { model: 'text-embedding-3-small', input: 'fall back', encoding_format: 'float' },
      { headers: { 'x-switchyard-config': JSON.stringify(config) } },
    );
    expect(result.data[0]!.embedding).toEqual(mockEmbeddingVector('fall back'));
    expect(upstream.received.map((request) => request.json.model)).toEqual(['text-embedding-3-small', 'text-embedding-3-large']);
    expect(gateway.records[0]!.attempts).toHaveLength(2);
  });
});
