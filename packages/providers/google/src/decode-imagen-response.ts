import { type ImageGenerationResponse, UpstreamError, type Warning } from '@switchyard/core';
import { imagenPredictResponseSchema } from './google-embedding-api.js';

/**
 * Imagen's `predict` answer → canonical images (base64 with their MIME type). A prediction a
 * safety filter removed carries `raiFilteredReason` instead of bytes: it is reported as a
 * warning rather than dropped silently; an answer with no image at all is an error.
 */
export function decodeImagenResponse(
  body: unknown,
  options: { provider?: string; now?: () => number; warn(warning: Warning): void },
): ImageGenerationResponse {
  const provider = options.provider ?? 'google';
  const parsed = imagenPredictResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new UpstreamError(`${provider} answered the image call with a body that is not an Imagen prediction.`, { provider, status: 200, body, kind: 'upstream', retryable: false });
  }
  const predictions = parsed.data.predictions ?? [];
  const images = predictions.flatMap((prediction) =>
    prediction.bytesBase64Encoded ? [{ base64: prediction.bytesBase64Encoded, mediaType: prediction.mimeType ?? 'image/png' }] : [],
  );
  const filtered = predictions.filter((prediction) => !prediction.bytesBase64Encoded).map((prediction) => prediction.raiFilteredReason ?? 'no reason given');
  if (images.length === 0) {
    const why = filtered.length > 0 ? `: ${filtered.join('; ')}` : ' (the prompt may have been blocked by a safety filter)';
    throw new UpstreamError(`${provider} generated no image${why}`, { provider, status: 200, body, kind: 'invalid_request', code: 'content_filter', retryable: false });
  }
  if (filtered.length > 0) {
    options.warn({ type: 'other', field: 'n', message: `${filtered.length} of the requested images were removed by ${provider}'s safety filter: ${filtered.join('; ')}` });
  }
  return { created: Math.floor((options.now ?? Date.now)() / 1000), images };
}
