import { type ImagePart, UnsupportedError } from '@switchyard/core';
import type { CohereImageContent } from './cohere-api.js';

/**
 * An image → an `image_url` block. Cohere takes a base64 data URI or a web URL it fetches
 * itself (https://docs.cohere.com/docs/image-inputs), so URLs are forwarded as given and the
 * gateway never downloads them. Cohere has no uploaded-file ids.
 */
export function convertImageToCohereContent(part: ImagePart, param: string): CohereImageContent {
  const { source } = part;
  let url: string;
  switch (source.type) {
    case 'base64':
      url = `data:${source.mediaType};base64,${source.data}`;
      break;
    case 'url':
      url = source.url;
      break;
    case 'file-id':
      throw new UnsupportedError(`${param}: Cohere has no uploaded files; send the image as a data URL or a web URL.`, { param, provider: 'cohere' });
  }
  const content: CohereImageContent = { type: 'image_url', image_url: { url } };
  if (part.detail !== undefined) content.image_url.detail = part.detail;
  return content;
}
