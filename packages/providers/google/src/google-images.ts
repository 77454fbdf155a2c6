import { type ImageGenerationRequest, type ImageGenerationResponse, type ProviderCallContext, readJsonAnswer } from '@switchyard/core';
import { decodeImagenResponse } from './decode-imagen-response.js';
import { encodeImagenRequest } from './encode-imagen-request.js';
import { postGoogleModelMethod } from './post-google-model-method.js';

/**
 * OpenAI image generation through Imagen on the Gemini API (`models/{imagen-…}:predict`), the
 * documented text-to-image endpoint that takes a sample count and an aspect ratio.
 */
export async function generateGoogleImages(request: ImageGenerationRequest, context: ProviderCallContext): Promise<ImageGenerationResponse> {
  const encoded = encodeImagenRequest(request);
  encoded.warnings.forEach(context.warn);
  const response = await postGoogleModelMethod(context, request.model, 'predict', JSON.stringify(encoded.body));
  return decodeImagenResponse(await readJsonAnswer(response, 'google', 'Google'), { warn: context.warn });
}
