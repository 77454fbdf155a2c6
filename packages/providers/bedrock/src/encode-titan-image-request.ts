import { type ImageGenerationRequest, InvalidRequestError, type Warning } from '@switchyard/core';
import type { TitanImageRequest } from './bedrock-embedding-api.js';

export interface EncodedTitanImageRequest {
  body: TitanImageRequest;
  warnings: Warning[];
}

// OpenAI's quality words → Titan's two levels; `auto` leaves the model's default.
const qualities: Record<string, 'standard' | 'premium'> = { standard: 'standard', hd: 'premium', high: 'premium', medium: 'standard', low: 'standard' };

/**
 * An OpenAI image generation request → the TEXT_IMAGE body of Titan Image Generator / Nova
 * Canvas: `n` as numberOfImages (always sent, 1–5), `size` as width and height (Bedrock checks
 * them against the model's list), `quality` as standard/premium, and the extra fields
 * `negative_prompt`, `seed`, `cfg_scale` and (Nova Canvas) `style`. Titan answers base64 only.
 */
export function encodeTitanImageRequest(request: ImageGenerationRequest): EncodedTitanImageRequest {
  const warnings: Warning[] = [];
  const n = request.n ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new InvalidRequestError('n must be an integer from 1 to 5 for Titan / Nova Canvas image models.', { param: 'n', provider: 'bedrock' });
  const config: TitanImageRequest['imageGenerationConfig'] = { numberOfImages: n };
  if (request.size !== undefined && request.size !== 'auto') {
    const match = /^(\d+)x(\d+)$/.exec(request.size.trim());
    if (!match) throw new InvalidRequestError(`size must be WIDTHxHEIGHT (such as 1024x1024) or auto, not "${request.size}".`, { param: 'size', provider: 'bedrock' });
    config.width = Number(match[1]);
    config.height = Number(match[2]);
  }
  if (request.quality !== undefined && request.quality !== 'auto') {
    const quality = qualities[request.quality];
    if (quality) config.quality = quality;
    else warnings.push({ type: 'unsupported-value', field: 'quality', message: `Titan has the qualities standard and premium; quality ${request.quality} was not sent.` });
  }
  const params: TitanImageRequest['textToImageParams'] = { text: request.prompt };
  const { negative_prompt: negativePrompt, seed, cfg_scale: cfgScale, style, ...rest } = request.extra;
  if (typeof negativePrompt === 'string') params.negativeText = negativePrompt;
  if (typeof style === 'string') params.style = style;
  if (typeof seed === 'number') config.seed = seed;
  if (typeof cfgScale === 'number') config.cfgScale = cfgScale;
  for (const [field, value] of Object.entries({ negative_prompt: negativePrompt, seed, cfg_scale: cfgScale, style })) {
    if (value !== undefined && typeof value !== (field === 'seed' || field === 'cfg_scale' ? 'number' : 'string')) {
      throw new InvalidRequestError(`${field} must be a ${field === 'seed' || field === 'cfg_scale' ? 'number' : 'string'}.`, { param: field, provider: 'bedrock' });
    }
  }
  for (const [field, value] of [['style', request.style], ['background', request.background], ['output_format', request.outputFormat], ['user', request.user]] as const) {
    if (value !== undefined) warnings.push({ type: 'unsupported-field', field, message: `Titan / Nova Canvas have no ${field} setting like OpenAI's; it was not sent.` });
  }
  if (request.responseFormat === 'url') {
    warnings.push({ type: 'unsupported-value', field: 'response_format', message: 'Titan returns image bytes, never a hosted URL; the images come as base64.' });
  }
  for (const field of Object.keys(rest)) warnings.push({ type: 'unsupported-field', field, message: `${field} has no counterpart in Titan's image API and was not sent.` });
  return { body: { taskType: 'TEXT_IMAGE', textToImageParams: params, imageGenerationConfig: config }, warnings };
}
