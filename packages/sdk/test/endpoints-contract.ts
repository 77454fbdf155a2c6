import { mockEmbeddingVector, mockPngBase64, mockSpeechBytes, type ReceivedRequest } from '@switchyard/testkit';
import { toFile } from 'openai';
import { beforeEach, describe, expect, it } from 'vitest';
import { defineConfig } from '../src/index.js';
import type { ContractSetup } from './test-upstreams.js';

/**
 * Every OpenAI method family besides chat through the SDK, the same whether the gateway is remote
 * or embedded, against the OpenAI mock: what the mock received (model rewritten from `@slug/model`,
 * the catalog's key, no gateway header, upload bytes intact) and what the SDK returned.
 */
export function describeEndpointsContract(mode: string, setup: () => ContractSetup): void {
  describe(`Switchyard SDK method families (${mode})`, () => {
    beforeEach(() => {
      setup().upstreams.openai.reset();
      setup().upstreams.anthropic.reset();
      setup().records.length = 0;
    });

    // Routing headers on every call, so each test also checks none of them reaches the provider.
    const tagged = () => setup().client.withOptions({ traceId: `trace-${mode}`, metadata: { suite: 'endpoints' } });
    // Calls whose body names no model (files, batches, fine-tuning) go to the config's first target.
    const viaOpenAI = () => tagged().withOptions({ config: defineConfig({ provider: '@openai-test' }) });
    const received = () => setup().upstreams.openai.received;

    function expectCleanUpstream(request: ReceivedRequest | undefined, method: string, path: string): void {
      expect(request, `the OpenAI mock received ${method} ${path}`).toBeDefined();
      expect([request!.method, request!.path]).toEqual([method, path]);
      expect(request!.headers.authorization).toBe('Bearer sk-openai-upstream');
      expect(Object.keys(request!.headers).filter((name) => /^x-(switchyard|portkey)-/.test(name))).toEqual([]);
    }

    async function receivedForm(request: ReceivedRequest): Promise<FormData> {
      return new Response(request.raw, { headers: { 'content-type': request.headers['content-type']! } }).formData();
    }

    // Every byte value, several times: a text-mangling hop would not keep these.
    const binary = Buffer.from(Array.from({ length: 3000 }, (_, index) => (index * 7) % 256));

    it('chat.completions (plain and streamed) and responses reach the provider the model string names', async () => {
      const client = tagged();
      const plain = await client.chat.completions.create({ model: '@openai-test/gpt-4o', messages: [{ role: 'user', content: 'plain call' }] });
      expect(plain.choices[0]!.message.content).toBe('echo: plain call');
      expectCleanUpstream(received()[0], 'POST', '/v1/chat/completions');
      expect(received()[0]!.json).toMatchObject({ model: 'gpt-4o', messages: [{ role: 'user', content: 'plain call' }] });

      const stream = await client.chat.completions.create({ model: '@openai-test/gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'streamed call' }] });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      expect(text).toBe('echo: streamed call');
      expect(received()[1]!.json).toMatchObject({ model: 'gpt-4o-mini', stream: true });

      // OpenAI takes the Responses API natively and the OpenAI mock has none, so this one goes to Claude, translated.
      const response = await client.responses.create({ model: '@claude/claude-sonnet-4-5', max_output_tokens: 64, input: 'responses call' });
      expect(response.output_text).toBe('echo: responses call');
      const toClaude = setup().upstreams.anthropic.received[0];
      expect([toClaude?.path, toClaude?.headers['x-api-key']]).toEqual(['/v1/messages', 'sk-ant-upstream']);
      expect(Object.keys(toClaude!.headers).filter((name) => /^x-(switchyard|portkey)-/.test(name))).toEqual([]);
      expect(toClaude!.json).toMatchObject({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: [{ type: 'text', text: 'responses call' }] }] });
      expect(setup().records.map((record) => [record.provider, record.traceId])).toEqual([
        ['openai-test', `trace-${mode}`],
        ['openai-test', `trace-${mode}`],
        ['claude', `trace-${mode}`],
      ]);
    });

    it('embeddings: float and base64', async () => {
      const client = tagged();
      const floats = await client.embeddings.create({ model: '@openai-test/text-embedding-3-small', input: ['alpha', 'beta'], encoding_format: 'float' });
      expect(floats.data.map((item) => item.embedding)).toEqual([mockEmbeddingVector('alpha'), mockEmbeddingVector('beta')]);
      expect(floats.usage.prompt_tokens).toBe(2);
      expectCleanUpstream(received()[0], 'POST', '/v1/embeddings');
      expect(received()[0]!.json).toEqual({ model: 'text-embedding-3-small', input: ['alpha', 'beta'], encoding_format: 'float' });

      const packed = await client.embeddings.create({ model: '@openai-test/text-embedding-3-small', input: 'gamma', dimensions: 4, encoding_format: 'base64' });
      const encoded = packed.data[0]!.embedding as unknown as string;
      expect(typeof encoded).toBe('string');
      const bytes = Buffer.from(encoded, 'base64');
      expect(Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4))).toEqual(mockEmbeddingVector('gamma', 4));
      expect(received()[1]!.json).toMatchObject({ model: 'text-embedding-3-small', dimensions: 4, encoding_format: 'base64' });
    });

    it('images.generate and images.edit (the uploaded image intact)', async () => {
      const client = tagged();
      const generated = await client.images.generate({ model: '@openai-test/gpt-image-1', prompt: 'a red fox', response_format: 'b64_json' });
      expect(generated.data?.[0]).toMatchObject({ b64_json: mockPngBase64, revised_prompt: 'mock: a red fox' });
      expectCleanUpstream(received()[0], 'POST', '/v1/images/generations');
      expect(received()[0]!.json).toMatchObject({ model: 'gpt-image-1', prompt: 'a red fox' });

      const edited = await client.images.edit({ model: '@openai-test/gpt-image-1', prompt: 'add a hat', image: await toFile(binary, 'fox.png', { type: 'image/png' }) });
      // The mock answers with the image it received.
      expect(Buffer.from(edited.data![0]!.b64_json!, 'base64').equals(binary)).toBe(true);
      expectCleanUpstream(received()[1], 'POST', '/v1/images/edits');
      const form = await receivedForm(received()[1]!);
      expect([form.get('model'), form.get('prompt')]).toEqual(['gpt-image-1', 'add a hat']);
      expect((form.get('image') as File).name).toBe('fox.png');
    });

    it('audio.speech returns the audio bytes, audio.transcriptions uploads the file', async () => {
      const client = tagged();
      const speech = await client.audio.speech.create({ model: '@openai-test/tts-1', voice: 'alloy', input: 'hello speech' });
      expect(speech.headers.get('content-type')).toBe('audio/mpeg');
      expect(Buffer.from(await speech.arrayBuffer()).equals(mockSpeechBytes('hello speech'))).toBe(true);
      expectCleanUpstream(received()[0], 'POST', '/v1/audio/speech');
      expect(received()[0]!.json).toEqual({ model: 'tts-1', voice: 'alloy', input: 'hello speech' });

      const transcription = await client.audio.transcriptions.create({ model: '@openai-test/whisper-1', file: await toFile(binary, 'clip.wav', { type: 'audio/wav' }) });
      expect(transcription.text).toBe(`transcribed clip.wav (${binary.byteLength} bytes) with whisper-1`);
      expectCleanUpstream(received()[1], 'POST', '/v1/audio/transcriptions');
      const form = await receivedForm(received()[1]!);
      expect(Buffer.from(await (form.get('file') as File).arrayBuffer()).equals(binary)).toBe(true);
    });

    it('moderations and completions', async () => {
      const client = tagged();
      const moderation = await client.moderations.create({ model: '@openai-test/omni-moderation-latest', input: ['I will hurt you', 'good morning'] });
      expect(moderation.results.map((result) => result.flagged)).toEqual([true, false]);
      expectCleanUpstream(received()[0], 'POST', '/v1/moderations');
      expect(received()[0]!.json).toEqual({ model: 'omni-moderation-latest', input: ['I will hurt you', 'good morning'] });

      const completion = await client.completions.create({ model: '@openai-test/gpt-3.5-turbo-instruct', prompt: 'say hi', max_tokens: 8 });
      expect(completion.choices[0]!.text).toBe(' completion of: say hi');
      expectCleanUpstream(received()[1], 'POST', '/v1/completions');
      expect(received()[1]!.json).toEqual({ model: 'gpt-3.5-turbo-instruct', prompt: 'say hi', max_tokens: 8 });
    });

    it('fine_tuning.jobs: create, list, retrieve, cancel, events', async () => {
      const jobs = viaOpenAI().fineTuning.jobs;
      const job = await jobs.create({ model: 'gpt-4o-mini', training_file: 'file-train-1' });
      expect(job).toMatchObject({ object: 'fine_tuning.job', model: 'gpt-4o-mini', training_file: 'file-train-1', status: 'validating_files' });
      expectCleanUpstream(received()[0], 'POST', '/v1/fine_tuning/jobs');
      expect(received()[0]!.json).toEqual({ model: 'gpt-4o-mini', training_file: 'file-train-1' });

      const listed: string[] = [];
      for await (const each of jobs.list({ limit: 5 })) listed.push(each.id);
      expect(listed).toContain(job.id);
      expectCleanUpstream(received()[1], 'GET', '/v1/fine_tuning/jobs?limit=5');
      expect(await jobs.retrieve(job.id)).toMatchObject({ id: job.id, status: 'validating_files' });
      expect(await jobs.cancel(job.id)).toMatchObject({ id: job.id, status: 'cancelled' });
      const events = await jobs.listEvents(job.id, { limit: 1 });
      expect(events.data.map((event) => event.message)).toEqual(['Validating training file']);
      expect(received().map((request) => `${request.method} ${request.path}`).slice(2)).toEqual([
        `GET /v1/fine_tuning/jobs/${job.id}`,
        `POST /v1/fine_tuning/jobs/${job.id}/cancel`,
        `GET /v1/fine_tuning/jobs/${job.id}/events?limit=1`,
      ]);
    });

    // The batch input uploaded as a file and then batched; the same file's bytes come back from content.
    const batchInput = Buffer.from(
      [
        { custom_id: 'one', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'first ✓' }] } },
        { custom_id: 'two', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'second' }] } },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n') + '\n',
    );

    it('files: create (multipart streamed through), list, retrieve, content, delete', async () => {
      const files = viaOpenAI().files;
      const created = await files.create({ file: await toFile(batchInput, 'input.jsonl', { type: 'application/jsonl' }), purpose: 'batch' });
      expect(created).toMatchObject({ object: 'file', filename: 'input.jsonl', purpose: 'batch', bytes: batchInput.byteLength });
      expectCleanUpstream(received()[0], 'POST', '/v1/files');
      expect(received()[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      const form = await receivedForm(received()[0]!);
      expect(form.get('purpose')).toBe('batch');
      expect(Buffer.from(await (form.get('file') as File).arrayBuffer()).equals(batchInput)).toBe(true);

      const listed: string[] = [];
      for await (const file of files.list({ purpose: 'batch' })) listed.push(file.id);
      expect(listed).toContain(created.id);
      expect(await files.retrieve(created.id)).toMatchObject({ id: created.id, bytes: batchInput.byteLength });
      const content = await files.content(created.id);
      expect(Buffer.from(await content.arrayBuffer()).equals(batchInput)).toBe(true);
      expect(await files.delete(created.id)).toEqual(expect.objectContaining({ id: created.id, deleted: true }));
      expect(received().map((request) => `${request.method} ${request.path}`).slice(1)).toEqual([
        'GET /v1/files?purpose=batch',
        `GET /v1/files/${created.id}`,
        `GET /v1/files/${created.id}/content`,
        `DELETE /v1/files/${created.id}`,
      ]);
      received().forEach((request) => expect(request.headers.authorization).toBe('Bearer sk-openai-upstream'));
    });

    it('batches: create, retrieve, list, cancel', async () => {
      const client = viaOpenAI();
      const input = await client.files.create({ file: await toFile(batchInput, 'input.jsonl'), purpose: 'batch' });
      const batch = await client.batches.create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { run: mode } });
      expect(batch).toMatchObject({ object: 'batch', status: 'validating', input_file_id: input.id, request_counts: { total: 2, completed: 0, failed: 0 }, metadata: { run: mode } });
      expectCleanUpstream(received()[1], 'POST', '/v1/batches');
      expect(received()[1]!.json).toEqual({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { run: mode } });

      expect((await client.batches.retrieve(batch.id)).status).toBe('in_progress');
      const listed: string[] = [];
      for await (const each of client.batches.list({ limit: 50 })) listed.push(each.id);
      expect(listed).toContain(batch.id);
      expect((await client.batches.cancel(batch.id)).status).toBe('cancelling');
      expect((await client.batches.retrieve(batch.id)).status).toBe('cancelled');
      expect(received().map((request) => `${request.method} ${request.path}`).slice(2)).toEqual([
        `GET /v1/batches/${batch.id}`,
        'GET /v1/batches?limit=50',
        `POST /v1/batches/${batch.id}/cancel`,
        `GET /v1/batches/${batch.id}`,
      ]);
      received().forEach((request) => expect(Object.keys(request.headers).filter((name) => name.startsWith('x-switchyard-'))).toEqual([]));
    });
  });
}
