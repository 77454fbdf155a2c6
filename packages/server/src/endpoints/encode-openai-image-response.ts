import type { ImageGenerationResponse, Warning } from '@switchyard/core';

/**
 * The canonical answer in OpenAI's shape, each image as the client asked. When the client asked
 * for a URL and the provider returned only bytes, the image becomes a `data:` URL (OpenAI's SDKs
 * and browsers open it; nothing is hosted by the gateway) and a warning says so. When it asked
 * for `b64_json` and the provider returned only a URL, the URL is returned with a warning: the
 * gateway never downloads URLs on a client's behalf.
 */
export function encodeOpenAIImageResponse(
  response: ImageGenerationResponse,
  wanted: 'url' | 'b64_json' | undefined,
  warn: (warning: Warning) => void,
): Record<string, unknown> {
  let dataUrls = 0;
  let urlsForBytes = 0;
  const data = response.images.map((image) => {
    const item: Record<string, unknown> = {};
    if (wanted === 'url' && image.url === undefined && image.base64 !== undefined) {
      item.url = `data:${image.mediaType ?? 'image/png'};base64,${image.base64}`;
      dataUrls++;
    } else if (wanted === 'b64_json' && image.base64 === undefined && image.url !== undefined) {
      item.url = image.url;
      urlsForBytes++;
    } else if (wanted === 'url' && image.url !== undefined) item.url = image.url;
    else if (image.base64 !== undefined) item.b64_json = image.base64;
    else if (image.url !== undefined) item.url = image.url;
    if (image.revisedPrompt !== undefined) item.revised_prompt = image.revisedPrompt;
    return item;
  });
  if (dataUrls > 0) {
    warn({ type: 'other', field: 'response_format', message: 'The provider returned image bytes, not URLs: each url is a data: URL holding the image.' });
  }
  if (urlsForBytes > 0) {
    warn({ type: 'other', field: 'response_format', message: 'The provider returned image URLs, not bytes: url is set instead of b64_json (the gateway does not download images).' });
  }
  const body: Record<string, unknown> = { created: response.created, data };
  if (response.usage) {
    const usage: Record<string, unknown> = {};
    if (response.usage.input !== undefined) usage.input_tokens = response.usage.input;
    if (response.usage.output !== undefined) usage.output_tokens = response.usage.output;
    if (response.usage.total !== undefined) usage.total_tokens = response.usage.total;
    body.usage = usage;
  }
  return body;
}
