import { type ImageGenerationRequest, InvalidRequestError, type Warning } from '@switchyard/core';
import type { ImagenPredictRequest } from './google-embedding-api.js';
import { imagenAspectRatio } from './imagen-aspect-ratio.js';

export interface EncodeImagenOptions {
  provider?: string;
  /** Vertex AI's Imagen also takes an output MIME type, a negative prompt and a seed. */
  vertex?: boolean;
}

export interface EncodedImagenRequest {
  body: ImagenPredictRequest;
  warnings: Warning[];
}

const mimeTypes: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', jpg: 'image/jpeg' };

/**
 * An OpenAI image generation request → Imagen's `predict` body. `n` is always sent, because
 * Imagen's own default is four images where OpenAI's is one. `size` becomes an aspect ratio
 * (Imagen takes no pixel size); Imagen's own fields come from the client's extra fields
 * (`aspect_ratio`, `person_generation`, `image_size`, and on Vertex `negative_prompt`, `seed`).
 * Everything else is warned about.
 */
export function encodeImagenRequest(request: ImageGenerationRequest, options: EncodeImagenOptions = {}): EncodedImagenRequest {
  const provider = options.provider ?? 'google';
  const warnings: Warning[] = [];
  const n = request.n ?? 1;
  if (!Number.isInteger(n) || n < 1) throw new InvalidRequestError('n must be a positive integer.', { param: 'n', provider });
  const parameters: ImagenPredictRequest['parameters'] = { sampleCount: n };

  const { aspect_ratio: aspectRatio, person_generation: personGeneration, image_size: imageSize, negative_prompt: negativePrompt, seed, ...rest } = request.extra;
  if (typeof aspectRatio === 'string') parameters.aspectRatio = aspectRatio;
  else if (request.size !== undefined && request.size !== 'auto') {
    const mapped = imagenAspectRatio(request.size);
    if (!mapped) throw new InvalidRequestError(`size must be WIDTHxHEIGHT (such as 1024x1024) or auto, not "${request.size}".`, { param: 'size', provider });
    parameters.aspectRatio = mapped.aspectRatio;
    if (!mapped.exact) {
      warnings.push({
        type: 'unsupported-value',
        field: 'size',
        message: `Imagen generates only the aspect ratios 1:1, 3:4, 4:3, 9:16 and 16:9, and picks the pixel size itself; size ${request.size} was sent as the nearest ratio, ${mapped.aspectRatio}.`,
      });
    }
  }
  if (typeof personGeneration === 'string') parameters.personGeneration = personGeneration;
  if (typeof imageSize === 'string') parameters.imageSize = imageSize;
  if (options.vertex && typeof negativePrompt === 'string') parameters.negativePrompt = negativePrompt;
  else if (negativePrompt !== undefined) rest.negative_prompt = negativePrompt;
  if (options.vertex && typeof seed === 'number') parameters.seed = seed;
  else if (seed !== undefined) rest.seed = seed;

  if (request.outputFormat !== undefined) {
    const mimeType = mimeTypes[request.outputFormat];
    if (options.vertex && mimeType) parameters.outputOptions = { mimeType };
    else warnings.push({ type: 'unsupported-field', field: 'output_format', message: `${provider}'s Imagen answers PNG; output_format ${request.outputFormat} was not sent.` });
  }
  for (const [field, value] of [['quality', request.quality], ['style', request.style], ['background', request.background], ['user', request.user]] as const) {
    if (value !== undefined) warnings.push({ type: 'unsupported-field', field, message: `Imagen has no ${field} setting; it was not sent.` });
  }
  if (request.responseFormat === 'url') {
    warnings.push({ type: 'unsupported-value', field: 'response_format', message: 'Imagen returns image bytes, never a hosted URL; the images come as base64.' });
  }
  for (const field of Object.keys(rest)) warnings.push({ type: 'unsupported-field', field, message: `${field} has no counterpart in ${provider}'s Imagen API and was not sent.` });

  return { body: { instances: [{ prompt: request.prompt }], parameters }, warnings };
}
