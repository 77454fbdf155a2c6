import { InvalidRequestError, type MediaSource } from '@switchyard/core';
import type { GooglePart } from './google-api.js';

/**
 * An image, document or other medium → an `inlineData` or `fileData` part.
 * https://ai.google.dev/gemini-api/docs/file-input-methods
 *
 * - base64 → `inlineData {mimeType, data}`.
 * - A URL Gemini itself fetches → `fileData {fileUri, mimeType}`: Files API URIs
 *   (`https://generativelanguage.googleapis.com/v1beta/files/…`, mime type optional, the file
 *   has one), `gs://` objects, YouTube links, and public or signed https URLs (Gemini fetches
 *   them since January 2026). FileData requires a mime type, so for a plain URL it must come
 *   from the part or from a known file extension; otherwise the part is refused — the gateway
 *   never downloads a URL to find out.
 * - A file id of the Gemini Files API (`files/abc-123`) → its Files API URI.
 * Plain http, non-base64 data URLs and other providers' file ids are refused with an
 * InvalidRequestError naming the part.
 */
export function convertMediaToGooglePart(source: MediaSource, mediaType: string | undefined, param: string): GooglePart {
  switch (source.type) {
    case 'base64':
      return { inlineData: { mimeType: mediaType ?? source.mediaType, data: source.data } };
    case 'file-id':
      return convertFileId(source.fileId, mediaType, param);
    case 'url':
      return convertUrl(source.url, mediaType, param);
  }
}

const filesApiUri = /^https:\/\/generativelanguage\.googleapis\.com\/v1[a-z0-9]*\/files\/[^/?#]+$/;
const youTubeUri = /^https:\/\/(www\.|m\.)?(youtube\.com\/(watch|shorts|live)|youtu\.be\/)/;

function convertUrl(url: string, mediaType: string | undefined, param: string): GooglePart {
  if (url.startsWith('data:')) {
    const inline = /^data:([^;,]+);base64,(.*)$/s.exec(url);
    if (!inline) throw new InvalidRequestError(`${param}: only base64 data URLs can be sent to Gemini.`, { param });
    return { inlineData: { mimeType: mediaType ?? inline[1]!, data: inline[2]! } };
  }
  if (filesApiUri.test(url) || youTubeUri.test(url)) {
    return { fileData: mediaType ? { fileUri: url, mimeType: mediaType } : { fileUri: url } };
  }
  if (url.startsWith('gs://') || url.startsWith('https://')) {
    const mimeType = mediaType ?? mimeTypeFromExtension(url);
    if (!mimeType) {
      throw new InvalidRequestError(
        `${param}: Gemini needs the media type of a URL it fetches, and none could be told from ${describeUrl(url)}. ` +
          'Send the content inline as a base64 data URL, or use a URL ending in a known extension (.png, .jpg, .webp, .pdf, …).',
        { param },
      );
    }
    return { fileData: { fileUri: url, mimeType } };
  }
  throw new InvalidRequestError(
    `${param}: Gemini only fetches https://, gs:// and Files API URLs; send other content inline as a base64 data URL.`,
    { param },
  );
}

function convertFileId(fileId: string, mediaType: string | undefined, param: string): GooglePart {
  if (filesApiUri.test(fileId)) return { fileData: mediaType ? { fileUri: fileId, mimeType: mediaType } : { fileUri: fileId } };
  if (/^files\/[^/?#]+$/.test(fileId)) {
    const fileUri = `https://generativelanguage.googleapis.com/v1beta/${fileId}`;
    return { fileData: mediaType ? { fileUri, mimeType: mediaType } : { fileUri } };
  }
  throw new InvalidRequestError(
    `${param}: the file id "${fileId}" is not a Gemini Files API name (files/…); upload the file to Gemini or send it inline.`,
    { param },
  );
}

// The types Gemini documents for images, documents, audio and video input.
const mimeTypesByExtension: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  gif: 'image/gif',
  pdf: 'application/pdf',
  txt: 'text/plain',
  wav: 'audio/wav',
  mp3: 'audio/mp3',
  aiff: 'audio/aiff',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  flac: 'audio/flac',
  mp4: 'video/mp4',
  mpeg: 'video/mpeg',
  mov: 'video/mov',
  webm: 'video/webm',
};

function mimeTypeFromExtension(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension ? mimeTypesByExtension[extension] : undefined;
}

// Signed URLs carry credentials in their query: never echo it back.
function describeUrl(url: string): string {
  const query = url.search(/[?#]/);
  return query === -1 ? url : `${url.slice(0, query)}?…`;
}
