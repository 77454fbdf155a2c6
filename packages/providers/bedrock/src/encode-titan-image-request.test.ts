import { InvalidRequestError, UpstreamError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeTitanImageResponse } from './decode-titan-image-response.js';
import { encodeTitanImageRequest } from './encode-titan-image-request.js';

describe('encodeTitanImageRequest', () => {
  it('TEXT_IMAGE with the count always sent, size as width and height, quality as standard / premium', () => {
    expect(encodeTitanImageRequest({ model: 'amazon.titan-image-generator-v2:0', prompt: 'a lighthouse', n: 2, size: '1024x768', quality: 'hd', extra: {} })).toEqual({
      body: {
        taskType: 'TEXT_IMAGE',
        textToImageParams: { text: 'a lighthouse' },
        imageGenerationConfig: { numberOfImages: 2, width: 1024, height: 768, quality: 'premium' },
      },
      warnings: [],
    });
  });

  it("takes Titan's own fields from the extra ones and warns about what it lacks", () => {
    const encoded = encodeTitanImageRequest({
      model: 'amazon.nova-canvas-v1:0',
      prompt: 'p',
      style: 'vivid',
      responseFormat: 'url',
      extra: { negative_prompt: 'blur', seed: 42, cfg_scale: 7.5, style: 'PHOTOREALISM', other: true },
    });
    expect(encoded.body.textToImageParams).toEqual({ text: 'p', negativeText: 'blur', style: 'PHOTOREALISM' });
    expect(encoded.body.imageGenerationConfig).toEqual({ numberOfImages: 1, seed: 42, cfgScale: 7.5 });
    expect(encoded.warnings.map((warning) => warning.field)).toEqual(['style', 'response_format', 'other']);
  });

  it('refuses n above 5 and a malformed size', () => {
    for (const [request, param] of [
      [{ model: 'm', prompt: 'p', n: 6, extra: {} }, 'n'],
      [{ model: 'm', prompt: 'p', size: 'large', extra: {} }, 'size'],
    ] as const) {
      let caught: unknown;
      try {
        encodeTitanImageRequest(request);
      } catch (error) {
        caught = error;
      }
      expect(InvalidRequestError.isInstance(caught)).toBe(true);
      expect(caught).toMatchObject({ param });
    }
  });
});

describe('decodeTitanImageResponse', () => {
  it('returns each image as base64 PNG; an error field or no image is an upstream error', () => {
    expect(decodeTitanImageResponse({ images: ['AAAA', 'BBBB'], error: null }, () => 2_000_000)).toEqual({
      created: 2000,
      images: [
        { base64: 'AAAA', mediaType: 'image/png' },
        { base64: 'BBBB', mediaType: 'image/png' },
      ],
    });
    for (const body of [{ images: [], error: 'blocked by content filters' }, {}]) {
      let caught: unknown;
      try {
        decodeTitanImageResponse(body);
      } catch (error) {
        caught = error;
      }
      expect(UpstreamError.isInstance(caught)).toBe(true);
    }
  });
});
