import { type ImageGenerationResponse, UpstreamError } from '@switchyard/core';
import { titanImageResponseSchema } from './bedrock-embedding-api.js';

/** Titan's `{images: [base64…], error}` → canonical PNG images; an `error` or no image is an upstream error. */
export function decodeTitanImageResponse(body: unknown, now: () => number = Date.now): ImageGenerationResponse {
  const parsed = titanImageResponseSchema.safeParse(body);
  const images = parsed.success ? (parsed.data.images ?? []) : [];
  if (!parsed.success || images.length === 0 || parsed.data.error) {
    const reason = parsed.success && parsed.data.error ? parsed.data.error : 'the answer held no image';
    throw new UpstreamError(`Bedrock generated no image: ${reason}`, { provider: 'bedrock', status: 200, body, kind: 'upstream', retryable: false });
  }
  return { created: Math.floor(now() / 1000), images: images.map((base64) => ({ base64, mediaType: 'image/png' })) };
}
