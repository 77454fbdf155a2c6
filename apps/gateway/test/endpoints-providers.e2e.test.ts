import { mockEmbeddingVector, startAzureOpenAIMock, startOpenAICompatibleMock, type AzureOpenAIMock, type OpenAICompatibleMock } from '@switchyard/testkit';
import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// The non-chat endpoints on Azure's URL scheme and on an OpenAI-compatible preset (Groq's
// whisper), and the 400 for a provider that lacks an endpoint.
describe('OpenAI endpoints through the gateway to Azure and Groq', () => {
  let azure: AzureOpenAIMock;
  let groq: OpenAICompatibleMock;
  let gateway: TestGateway;
  let client: OpenAI;

  beforeAll(async () => {
    azure = await startAzureOpenAIMock({ apiKey: 'azure-key' });
    groq = await startOpenAICompatibleMock({ basePath: '/openai/v1', apiKey: 'gsk-key', endpoints: ['/audio/transcriptions', '/audio/translations'] });
    gateway = await startTestGateway({
      providers: {
        'azure-test': { adapter: 'azure-openai', apiKey: 'azure-key', baseURL: azure.baseURL },
        'groq-test': { adapter: 'groq', apiKey: 'gsk-key', baseURL: groq.baseURL },
      },
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gateway-client', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await azure?.close();
    await groq?.close();
  });
  beforeEach(() => {
    azure.reset();
    groq.reset();
  });

  it('Azure: embeddings go to the deployment URL with api-version and the api-key header', async () => {
    const result = await client.embeddings.create({ model: '@azure-test/embed-prod', input: 'azure text', encoding_format: 'float' });
    expect(result.data[0]!.embedding).toEqual(mockEmbeddingVector('azure text'));
    const received = azure.received[0]!;
    expect(received.path).toBe('/openai/deployments/embed-prod/embeddings?api-version=2024-10-21');
    expect(received.headers['api-key']).toBe('azure-key');
    expect(received.headers.authorization).toBeUndefined();
  });

  it('Azure: a transcription goes to the deployment, fine-tuning to the resource, both with api-version', async () => {
    const text = await client.audio.transcriptions.create({ model: '@azure-test/whisper', file: await toFile(Buffer.from('audio-bytes'), 'a.wav') });
    expect(text.text).toBe('transcribed a.wav (11 bytes) with whisper');
    expect(azure.received[0]!.path).toBe('/openai/deployments/whisper/audio/transcriptions?api-version=2024-10-21');
    const config = { headers: { 'x-switchyard-config': '{"provider":"@azure-test"}' } };
    const job = await client.fineTuning.jobs.create({ model: 'gpt-4o-mini', training_file: 'file-1' }, config);
    const list = await client.fineTuning.jobs.list({ limit: 2 }, config);
    expect(list.data[0]!.id).toBe(job.id);
    expect(azure.received.slice(1).map((request) => request.path)).toEqual([
      '/openai/fine_tuning/jobs?api-version=2024-10-21',
      '/openai/fine_tuning/jobs?limit=2&api-version=2024-10-21',
    ]);
  });

  it('Groq: transcriptions and translations with a file, the @slug model rewritten inside the form', async () => {
    const audio = Buffer.from(Array.from({ length: 4096 }, (_, index) => index % 256));
    const transcription = await client.audio.transcriptions.create({
      model: '@groq-test/whisper-large-v3',
      file: await toFile(audio, 'meeting.m4a', { type: 'audio/mp4' }),
      response_format: 'json',
      temperature: 0,
    });
    expect(transcription.text).toBe('transcribed meeting.m4a (4096 bytes) with whisper-large-v3');
    const received = groq.received[0]!;
    expect(received.path).toBe('/openai/v1/audio/transcriptions');
    expect(received.headers.authorization).toBe('Bearer gsk-key');
    const form = await new Response(received.raw, { headers: { 'content-type': received.headers['content-type']! } }).formData();
    expect([...form.keys()]).toEqual(['model', 'file', 'response_format', 'temperature']);
    expect(form.get('model')).toBe('whisper-large-v3');
    expect(form.get('temperature')).toBe('0');
    expect(Buffer.from(await (form.get('file') as File).arrayBuffer())).toEqual(audio);

    const translation = await client.audio.translations.create({ model: '@groq-test/whisper-large-v3', file: await toFile(Buffer.from('x'), 'hola.mp3') });
    expect(translation.text).toBe('translated hola.mp3 (1 bytes) with whisper-large-v3');
  });

  it('a provider lacking the endpoint gets a 400 naming both, and nothing is sent upstream', async () => {
    const error = await client.embeddings.create({ model: '@groq-test/nomic-embed', input: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    const body = (error as InstanceType<typeof OpenAI.BadRequestError>).error as { message: string; type: string; param: string | null };
    expect(body.message).toContain('"groq-test"');
    expect(body.message).toContain('/v1/embeddings');
    expect(body.type).toBe('invalid_request_error');
    expect(body.param).toBe('model');
    expect(groq.received).toHaveLength(0);
    // Azure has no moderations endpoint.
    const moderation = await client.moderations.create({ model: '@azure-test/omni', input: 'x' }).catch((caught: unknown) => caught);
    expect((moderation as InstanceType<typeof OpenAI.BadRequestError>).status).toBe(400);
    expect((moderation as Error).message).toContain('"azure-test" does not serve /v1/moderations');
  });

  it('an embeddings body without a model is a clear 400 naming the field', async () => {
    const response = await fetch(`${gateway.url}/v1/embeddings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input":"x"}' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: unknown }).error).toMatchObject({ param: 'model', type: 'invalid_request_error' });
  });
});
