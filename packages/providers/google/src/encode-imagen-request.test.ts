import { InvalidRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { encodeImagenRequest } from './encode-imagen-request.js';

describe('encodeImagenRequest', () => {
  it('always sends the sample count (Imagen defaults to four) and the size as an aspect ratio', () => {
    expect(encodeImagenRequest({ model: 'imagen-4.0-generate-001', prompt: 'a red fox', extra: {} })).toEqual({
      body: { instances: [{ prompt: 'a red fox' }], parameters: { sampleCount: 1 } },
      warnings: [],
    });
    const encoded = encodeImagenRequest({ model: 'imagen-4.0-generate-001', prompt: 'p', n: 3, size: '1024x1024', responseFormat: 'b64_json', extra: {} });
    expect(encoded.body.parameters).toEqual({ sampleCount: 3, aspectRatio: '1:1' });
    expect(encoded.warnings).toEqual([]);
  });

  it('warns when the size is only approximated, and about OpenAI settings Imagen lacks', () => {
    const encoded = encodeImagenRequest({ model: 'imagen', prompt: 'p', size: '1792x1024', quality: 'hd', style: 'vivid', responseFormat: 'url', extra: { foo: 1 } });
    expect(encoded.body.parameters.aspectRatio).toBe('16:9');
    expect(encoded.warnings.map((warning) => warning.field)).toEqual(['size', 'quality', 'style', 'response_format', 'foo']);
  });

  it("takes Imagen's own fields from the extra ones; negative prompt, seed and output format only on Vertex", () => {
    const request = {
      model: 'imagen',
      prompt: 'p',
      outputFormat: 'jpeg',
      extra: { aspect_ratio: '9:16', person_generation: 'dont_allow', negative_prompt: 'blurry', seed: 7 },
    };
    const vertex = encodeImagenRequest(request, { vertex: true, provider: 'vertex-ai' });
    expect(vertex.body.parameters).toEqual({
      sampleCount: 1,
      aspectRatio: '9:16',
      personGeneration: 'dont_allow',
      negativePrompt: 'blurry',
      seed: 7,
      outputOptions: { mimeType: 'image/jpeg' },
    });
    expect(vertex.warnings).toEqual([]);
    const gemini = encodeImagenRequest(request);
    expect(gemini.body.parameters).toEqual({ sampleCount: 1, aspectRatio: '9:16', personGeneration: 'dont_allow' });
    expect(gemini.warnings.map((warning) => warning.field).sort()).toEqual(['negative_prompt', 'output_format', 'seed']);
  });

  it('refuses a malformed size and a bad n, naming the field', () => {
    for (const [request, param] of [
      [{ model: 'imagen', prompt: 'p', size: 'big', extra: {} }, 'size'],
      [{ model: 'imagen', prompt: 'p', n: 0, extra: {} }, 'n'],
    ] as const) {
      let caught: unknown;
      try {
        encodeImagenRequest(request);
      } catch (error) {
        caught = error;
      }
      expect(InvalidRequestError.isInstance(caught)).toBe(true);
      expect(caught).toMatchObject({ param });
    }
  });
});
