import {
  type BedrockMock,
  type CohereMock,
  type GoogleMock,
  type MistralEndpointsMock,
  type OllamaMock,
  type VertexMock,
  mockEmbeddingVector,
  mockPngBase64,
  startBedrockMock,
  startCohereMock,
  startGoogleMock,
  startMistralEndpointsMock,
  startOllamaMock,
  startVertexMock,
  verifyAwsSignature,
} from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// OpenAI's embeddings, images and moderations endpoints, spoken by the official SDK to a real
// gateway, translated to each provider's own API (mock upstreams that check and record what
// they received). Each mock's vectors are `mockEmbeddingVector(text, size)`, so the floats a
// client decodes can be compared with what the upstream sent.
const keys = { accessKeyId: 'AKIAE2EEXAMPLE', secretAccessKey: 'e2e/secret', region: 'us-east-1' };

describe('translated endpoints through the gateway', () => {
  let google: GoogleMock;
  let vertex: VertexMock;
  let bedrock: BedrockMock;
  let cohere: CohereMock;
  let ollama: OllamaMock;
  let mistral: MistralEndpointsMock;
  let gateway: TestGateway;
  let client: OpenAI;

  beforeAll(async () => {
    [google, vertex, bedrock, cohere, ollama, mistral] = await Promise.all([
      startGoogleMock({ apiKey: 'gemini-key' }),
      startVertexMock({ accessTokens: ['ya29.e2e'] }),
      startBedrockMock(keys),
      startCohereMock({ apiKey: 'co-key' }),
      startOllamaMock(),
      startMistralEndpointsMock({ apiKey: 'mistral-key' }),
    ]);
    gateway = await startTestGateway({
      providers: {
        gem: { adapter: 'google', apiKey: 'gemini-key', baseURL: google.baseURL },
        vx: { adapter: 'vertex-ai', apiKey: 'ya29.e2e', baseURL: vertex.baseURL, options: { project: 'my-project', location: 'us-central1' } },
        br: { adapter: 'bedrock', baseURL: bedrock.baseURL, options: keys },
        co: { adapter: 'cohere', apiKey: 'co-key', baseURL: cohere.baseURL },
        ol: { adapter: 'ollama', baseURL: ollama.baseURL },
        mi: { adapter: 'mistral', apiKey: 'mistral-key', baseURL: mistral.baseURL },
      },
    });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'gateway-client', maxRetries: 0 });
  });
  afterAll(async () => {
    await gateway?.close();
    await Promise.all([google, vertex, bedrock, cohere, ollama, mistral].map((mock) => mock?.close()));
  });
  beforeEach(() => {
    for (const mock of [google, vertex, bedrock, cohere, ollama, mistral]) mock.reset();
  });

  /** Float32 precision: what survives the base64 round trip of a float array. */
  const expectVectorsClose = (actual: number[][], expected: number[][]) => {
    expect(actual).toHaveLength(expected.length);
    actual.forEach((vector, index) => {
      expect(vector).toHaveLength(expected[index]!.length);
      vector.forEach((value, at) => expect(value).toBeCloseTo(expected[index]![at]!, 6));
    });
  };

  const embed = (model: string, input: string | string[], extra: Record<string, unknown> = {}) =>
    client.embeddings.create({ model, input, encoding_format: 'float', ...extra } as OpenAI.EmbeddingCreateParams);

  describe('embeddings', () => {
    it('google: a batch in one batchEmbedContents call, dimensions as outputDimensionality, floats and base64 alike', async () => {
      const texts = ['first text', 'second text'];
      const floats = await embed('@gem/gemini-embedding-001', texts, { dimensions: 16, task_type: 'retrieval_document' });
      expect(floats.data.map((item) => item.index)).toEqual([0, 1]);
      expect(floats.data.map((item) => item.embedding)).toEqual(texts.map((text) => mockEmbeddingVector(text, 16)));
      expect(floats.model).toBe('gemini-embedding-001');
      const received = google.received[0]!;
      expect(received.path).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents');
      expect(received.headers['x-goog-api-key']).toBe('gemini-key');
      expect(received.json.requests).toEqual(
        texts.map((text) => ({ model: 'models/gemini-embedding-001', content: { parts: [{ text }] }, taskType: 'RETRIEVAL_DOCUMENT', outputDimensionality: 16 })),
      );

      // The SDK asks for base64 by default and decodes it back to floats.
      const base64 = await client.embeddings.create({ model: '@gem/gemini-embedding-001', input: texts, dimensions: 16 });
      expectVectorsClose(base64.data.map((item) => item.embedding as number[]), texts.map((text) => mockEmbeddingVector(text, 16)));
    });

    it('vertex-ai: :predict on the text-embedding model, usage from token counts', async () => {
      const texts = ['alpha beta', 'gamma'];
      const result = await embed('@vx/text-embedding-005', texts, { dimensions: 32 });
      expect(result.data.map((item) => item.embedding)).toEqual(texts.map((text) => mockEmbeddingVector(text, 32)));
      expect(result.usage).toMatchObject({ prompt_tokens: 3, total_tokens: 3 });
      const received = vertex.received[0]!;
      expect(received.path).toBe('/v1/projects/my-project/locations/us-central1/publishers/google/models/text-embedding-005:predict');
      expect(received.headers.authorization).toBe('Bearer ya29.e2e');
      expect(received.json).toEqual({ instances: [{ content: 'alpha beta' }, { content: 'gamma' }], parameters: { outputDimensionality: 32 } });
      const base64 = await client.embeddings.create({ model: '@vx/text-embedding-005', input: texts, dimensions: 32 });
      expectVectorsClose(base64.data.map((item) => item.embedding as number[]), texts.map((text) => mockEmbeddingVector(text, 32)));
    });

    it('bedrock titan: one signed InvokeModel call per input, dimensions in Titan\'s field, usage summed', async () => {
      const texts = ['one', 'two words', 'three more words'];
      const result = await embed('@br/amazon.titan-embed-text-v2:0', texts, { dimensions: 256 });
      expect(result.data.map((item) => item.embedding)).toEqual(texts.map((text) => mockEmbeddingVector(text, 256)));
      expect(result.usage).toMatchObject({ prompt_tokens: 6, total_tokens: 6 });
      expect(bedrock.received).toHaveLength(3);
      for (const received of bedrock.received) {
        expect(received.path).toBe('/model/amazon.titan-embed-text-v2%3A0/invoke');
        expect(verifyAwsSignature(received, { ...keys, service: 'bedrock' })).toEqual({ ok: true });
      }
      expect(bedrock.received.map((received) => received.json).sort((a, b) => a.inputText.localeCompare(b.inputText))).toEqual(
        [...texts].sort().map((inputText) => ({ inputText, dimensions: 256 })),
      );
      const base64 = await client.embeddings.create({ model: '@br/amazon.titan-embed-text-v2:0', input: 'one', dimensions: 256 });
      expectVectorsClose([base64.data[0]!.embedding as number[]], [mockEmbeddingVector('one', 256)]);
    });

    it('bedrock cohere: one call for the batch, input_type passed on, usage from the token header', async () => {
      const texts = ['query one', 'query two'];
      const result = await embed('@br/cohere.embed-english-v3', texts, { input_type: 'search_query' });
      expect(result.data.map((item) => item.embedding)).toEqual(texts.map((text) => mockEmbeddingVector(text)));
      expect(result.usage).toMatchObject({ prompt_tokens: 4 });
      expect(bedrock.received).toHaveLength(1);
      expect(bedrock.received[0]!.json).toEqual({ texts, input_type: 'search_query', embedding_types: ['float'] });
    });

    it('cohere: /v2/embed with output_dimension; without input_type a default and a warning header', async () => {
      const texts = ['a b c', 'd'];
      const response = await embed('@co/embed-v4.0', texts, { dimensions: 256 }).withResponse();
      expect(response.data.data.map((item) => item.embedding)).toEqual(texts.map((text) => mockEmbeddingVector(text, 256)));
      expect(response.data.usage).toMatchObject({ prompt_tokens: 4, total_tokens: 4 });
      const received = cohere.received[0]!;
      expect(received.path).toBe('/v2/embed');
      expect(received.headers.authorization).toBe('Bearer co-key');
      expect(received.json).toEqual({ model: 'embed-v4.0', texts, input_type: 'search_document', embedding_types: ['float'], output_dimension: 256 });
      expect(response.response.headers.get('x-switchyard-warnings')).toContain('input_type');
      const base64 = await client.embeddings.create({ model: '@co/embed-v4.0', input: texts, dimensions: 256, input_type: 'search_query' } as OpenAI.EmbeddingCreateParams);
      expectVectorsClose(base64.data.map((item) => item.embedding as number[]), texts.map((text) => mockEmbeddingVector(text, 256)));
      expect(cohere.received[1]!.json.input_type).toBe('search_query');
    });

    it('ollama: /api/embed with dimensions, usage from prompt_eval_count', async () => {
      const texts = ['why is the sky blue', 'because'];
      const result = await embed('@ol/all-minilm', texts, { dimensions: 12 });
      expect(result.data.map((item) => item.embedding)).toEqual(texts.map((text) => mockEmbeddingVector(text, 12)));
      expect(result.usage).toMatchObject({ prompt_tokens: 6, total_tokens: 6 });
      expect(ollama.received[0]!.path).toBe('/api/embed');
      expect(ollama.received[0]!.json).toEqual({ model: 'all-minilm', input: texts, dimensions: 12 });
      const base64 = await client.embeddings.create({ model: '@ol/all-minilm', input: texts, dimensions: 12 });
      expectVectorsClose(base64.data.map((item) => item.embedding as number[]), texts.map((text) => mockEmbeddingVector(text, 12)));
    });

    it("mistral: translated so dimensions reach Mistral as output_dimension, with the key and the rewritten model", async () => {
      const texts = ['bonjour', 'le monde'];
      const result = await embed('@mi/mistral-embed', texts, { dimensions: 6 });
      expect(result.data.map((item) => item.embedding)).toEqual(texts.map((text) => mockEmbeddingVector(text, 6)));
      const received = mistral.received[0]!;
      expect(received.path).toBe('/v1/embeddings');
      expect(received.headers.authorization).toBe('Bearer mistral-key');
      expect(received.json).toEqual({ model: 'mistral-embed', input: texts, output_dimension: 6 });
      const base64 = await client.embeddings.create({ model: '@mi/mistral-embed', input: texts });
      expect(mistral.received[1]!.json).toEqual({ model: 'mistral-embed', input: texts });
      expectVectorsClose(base64.data.map((item) => item.embedding as number[]), texts.map((text) => mockEmbeddingVector(text)));
      expect(base64.usage.prompt_tokens).toBeGreaterThan(0);
    });
  });

  describe('images', () => {
    it('google Imagen: n as sampleCount, size as aspectRatio, b64_json back', async () => {
      const result = await client.images.generate({ model: '@gem/imagen-4.0-generate-001', prompt: 'a red fox', n: 2, size: '1024x1024', response_format: 'b64_json' });
      expect(result.data).toHaveLength(2);
      expect(result.data!.map((image) => image.b64_json)).toEqual([mockPngBase64, mockPngBase64]);
      const received = google.received[0]!;
      expect(received.path).toBe('/v1beta/models/imagen-4.0-generate-001:predict');
      expect(received.json).toEqual({ instances: [{ prompt: 'a red fox' }], parameters: { sampleCount: 2, aspectRatio: '1:1' } });
    });

    it('vertex-ai Imagen: :predict on the Imagen model', async () => {
      const result = await client.images.generate({ model: '@vx/imagen-4.0-generate-001', prompt: 'a lighthouse', size: '1792x1024', response_format: 'b64_json' });
      expect(result.data!.map((image) => image.b64_json)).toEqual([mockPngBase64]);
      const received = vertex.received[0]!;
      expect(received.path).toBe('/v1/projects/my-project/locations/us-central1/publishers/google/models/imagen-4.0-generate-001:predict');
      expect(received.json).toEqual({ instances: [{ prompt: 'a lighthouse' }], parameters: { sampleCount: 1, aspectRatio: '16:9' } });
    });

    it('bedrock Titan Image Generator: TEXT_IMAGE with the count and size, signed', async () => {
      const result = await client.images.generate({ model: '@br/amazon.titan-image-generator-v2:0', prompt: 'a kite', n: 3, size: '512x512', quality: 'hd', response_format: 'b64_json' });
      expect(result.data!.map((image) => image.b64_json)).toEqual([mockPngBase64, mockPngBase64, mockPngBase64]);
      const received = bedrock.received[0]!;
      expect(received.path).toBe('/model/amazon.titan-image-generator-v2%3A0/invoke');
      expect(verifyAwsSignature(received, { ...keys, service: 'bedrock' })).toEqual({ ok: true });
      expect(received.json).toEqual({
        taskType: 'TEXT_IMAGE',
        textToImageParams: { text: 'a kite' },
        imageGenerationConfig: { numberOfImages: 3, width: 512, height: 512, quality: 'premium' },
      });
    });
  });

  describe('moderations', () => {
    it("mistral: translated to Mistral's moderation API, categories under OpenAI's names", async () => {
      const result = await client.moderations.create({ model: '@mi/mistral-moderation-latest', input: ['I will kill the bug', 'a quiet afternoon'] });
      const received = mistral.received[0]!;
      expect(received.path).toBe('/v1/moderations');
      expect(received.json).toEqual({ model: 'mistral-moderation-latest', input: ['I will kill the bug', 'a quiet afternoon'] });
      expect(result.model).toBe('mistral-moderation-latest');
      expect(result.results).toHaveLength(2);
      expect(result.results[0]!.flagged).toBe(true);
      expect(result.results[0]!.categories).toMatchObject({ violence: true, hate: false, sexual: false });
      expect(result.results[0]!.category_scores).toMatchObject({ violence: 0.9 });
      expect(result.results[1]!.flagged).toBe(false);
    });
  });

  it('a Claude model on Vertex cannot embed: a 400-class error naming the model, nothing sent', async () => {
    const error = await embed('@vx/claude-sonnet-4-5@20250929', 'x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBeGreaterThanOrEqual(400);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBeLessThan(500);
    expect(vertex.received).toHaveLength(0);
  });
});
