import { InvalidRequestError, type Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeOpenAIEmbeddingsRequest } from './decode-openai-embeddings-request.js';
import { decodeOpenAIImageRequest } from './decode-openai-image-request.js';
import { decodeOpenAIModerationRequest } from './decode-openai-moderation-request.js';
import { encodeOpenAIEmbeddingsResponse } from './encode-openai-embeddings-response.js';
import { encodeOpenAIImageResponse } from './encode-openai-image-response.js';
import { endpointForPath } from './proxy-route.js';

function paramOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (InvalidRequestError.isInstance(error)) return error.param;
    throw error;
  }
  return 'no error';
}

describe('embeddings', () => {
  it('decodes every input shape and keeps unknown fields as extra', () => {
    expect(decodeOpenAIEmbeddingsRequest({ model: 'm', input: 'a' }).request.input).toEqual(['a']);
    expect(decodeOpenAIEmbeddingsRequest({ model: 'm', input: [1, 2] }).request.input).toEqual([[1, 2]]);
    expect(decodeOpenAIEmbeddingsRequest({ model: 'm', input: [[1], [2, 3]] }).request.input).toEqual([[1], [2, 3]]);
    const decoded = decodeOpenAIEmbeddingsRequest({ model: 'm', input: ['a', 'b'], dimensions: 3, encoding_format: 'base64', input_type: 'query' });
    expect(decoded).toEqual({ request: { model: 'm', input: ['a', 'b'], dimensions: 3, extra: { input_type: 'query' } }, encodingFormat: 'base64' });
  });

  it('refuses bad fields with 400s naming them', () => {
    expect(paramOf(() => decodeOpenAIEmbeddingsRequest({ model: 'm' }))).toBe('input');
    expect(paramOf(() => decodeOpenAIEmbeddingsRequest({ model: 'm', input: [] }))).toBe('input');
    expect(paramOf(() => decodeOpenAIEmbeddingsRequest({ model: 'm', input: ['a', 1] }))).toBe('input');
    expect(paramOf(() => decodeOpenAIEmbeddingsRequest({ model: 'm', input: 'a', dimensions: 0 }))).toBe('dimensions');
    expect(paramOf(() => decodeOpenAIEmbeddingsRequest({ model: 'm', input: 'a', dimensions: 1.5 }))).toBe('dimensions');
    expect(paramOf(() => decodeOpenAIEmbeddingsRequest({ model: 'm', input: 'a', encoding_format: 'int8' }))).toBe('encoding_format');
  });

  it('encodes base64 as little-endian float32 bytes', () => {
    const vector = [0.5, -1.25, 3];
    const body = encodeOpenAIEmbeddingsResponse({ model: 'e', embeddings: [vector], usage: { input: 4, total: 4 } }, 'base64') as { data: Array<{ embedding: string }>; usage: unknown };
    const bytes = Buffer.from(body.data[0]!.embedding, 'base64');
    expect([0, 1, 2].map((index) => bytes.readFloatLE(index * 4))).toEqual(vector);
    expect(body.usage).toEqual({ prompt_tokens: 4, total_tokens: 4 });
  });
});

describe('images', () => {
  it('requires a prompt and checks response_format', () => {
    expect(paramOf(() => decodeOpenAIImageRequest({ model: 'm' }))).toBe('prompt');
    expect(paramOf(() => decodeOpenAIImageRequest({ model: 'm', prompt: 'p', response_format: 'png' }))).toBe('response_format');
    expect(decodeOpenAIImageRequest({ model: 'm', prompt: 'p', size: '1024x1024', negative_prompt: 'no' })).toEqual({ model: 'm', prompt: 'p', size: '1024x1024', extra: { negative_prompt: 'no' } });
  });

  it('turns bytes into a data: URL when the client asked for url, and says so', () => {
    const warnings: Warning[] = [];
    const body = encodeOpenAIImageResponse({ created: 1, images: [{ base64: 'AAAA', mediaType: 'image/webp' }] }, 'url', (warning) => warnings.push(warning));
    expect(body).toEqual({ created: 1, data: [{ url: 'data:image/webp;base64,AAAA' }] });
    expect(warnings[0]).toMatchObject({ field: 'response_format' });
    const plain = encodeOpenAIImageResponse({ created: 1, images: [{ base64: 'AAAA', revisedPrompt: 'r' }] }, 'b64_json', () => {});
    expect(plain).toEqual({ created: 1, data: [{ b64_json: 'AAAA', revised_prompt: 'r' }] });
  });
});

describe('moderations', () => {
  it('takes text parts and refuses images with the index', () => {
    expect(decodeOpenAIModerationRequest({ input: [{ type: 'text', text: 'hi' }] }).input).toEqual(['hi']);
    expect(paramOf(() => decodeOpenAIModerationRequest({ input: [{ type: 'text', text: 'a' }, { type: 'image_url', image_url: { url: 'x' } }] }))).toBe('input[1]');
    expect(paramOf(() => decodeOpenAIModerationRequest({}))).toBe('input');
  });
});

describe('endpointForPath', () => {
  it('maps paths under a known endpoint, and nothing else', () => {
    expect(endpointForPath('/v1/fine_tuning/jobs/ft-1/events')).toBe('fine_tuning');
    expect(endpointForPath('/v1/files/file-1/content')).toBe('files');
    expect(endpointForPath('/v1/vector_stores')).toBeUndefined();
    expect(endpointForPath('/v1/filesystem')).toBeUndefined();
  });
});
