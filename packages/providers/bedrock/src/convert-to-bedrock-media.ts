import { type FilePart, type ImagePart, InvalidRequestError, type MediaSource, UnsupportedError, type Warning } from '@switchyard/core';
import type { BedrockDocumentBlock, BedrockImageBlock, BedrockSource } from './bedrock-api.js';

// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ImageBlock.html
const imageFormats: Record<string, BedrockImageBlock['image']['format']> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_DocumentBlock.html
const documentFormats: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/html': 'html',
  'text/plain': 'txt',
  'text/markdown': 'md',
};

const formatByExtension: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  csv: 'text/csv',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html',
  txt: 'text/plain',
  md: 'text/markdown',
};

interface ResolvedSource {
  source: BedrockSource;
  mediaType?: string;
}

/**
 * Bedrock takes media only as inline bytes or an S3 location
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ImageSource.html). The
 * gateway never downloads a URL on a client's behalf, so an http(s) URL is refused, not fetched.
 */
function resolveSource(source: MediaSource, what: string, param: string): ResolvedSource {
  switch (source.type) {
    case 'base64':
      return { source: { bytes: source.data }, mediaType: source.mediaType };
    case 'file-id':
      throw new UnsupportedError(`Bedrock cannot read uploaded file ids; send the ${what} as base64 data or an s3:// location.`, {
        param,
        provider: 'bedrock',
      });
    case 'url': {
      const dataUrl = /^data:([^;,]+)?(?:;[^,]*)?;base64,(.*)$/s.exec(source.url);
      if (dataUrl) return { source: { bytes: dataUrl[2]! }, mediaType: dataUrl[1] };
      if (/^s3:\/\//i.test(source.url)) {
        const extension = /\.([a-z0-9]+)$/i.exec(new URL(source.url).pathname)?.[1]?.toLowerCase();
        return { source: { s3Location: { uri: source.url } }, mediaType: extension ? formatByExtension[extension] : undefined };
      }
      throw new UnsupportedError(
        `Bedrock accepts a ${what} only as base64 data or an s3:// location, not a URL it would fetch; the gateway does not download URLs. Send the ${what} as a data URL.`,
        { param, provider: 'bedrock', code: 'unsupported_media_url' },
      );
    }
  }
}

export function convertToBedrockImage(part: ImagePart, param: string): BedrockImageBlock {
  const { source, mediaType } = resolveSource(part.source, 'image', param);
  const format = mediaType ? imageFormats[mediaType.toLowerCase()] : undefined;
  if (!format) {
    throw new InvalidRequestError(
      `Bedrock accepts png, jpeg, gif and webp images; ${mediaType ? `"${mediaType}" is not one` : 'the image type could not be told from the request'}.`,
      { param, provider: 'bedrock' },
    );
  }
  return { image: { format, source } };
}

export function convertToBedrockDocument(
  part: FilePart,
  param: string,
  documentNumber: number,
  warn: (warning: Warning) => void,
): BedrockDocumentBlock {
  const { source, mediaType: sourceMediaType } = resolveSource(part.source, 'document', param);
  const mediaType = (part.mediaType ?? sourceMediaType)?.toLowerCase();
  const format = mediaType ? documentFormats[mediaType] : undefined;
  if (!format) {
    throw new UnsupportedError(
      `Bedrock documents are pdf, csv, doc, docx, xls, xlsx, html, txt or md; ${mediaType ? `"${mediaType}" is not one` : 'the document type could not be told from the request'}.`,
      { param, provider: 'bedrock' },
    );
  }
  return { document: { format, name: documentName(part.filename, documentNumber, param, warn), source } };
}

/**
 * Bedrock requires a document name made of letters, digits, single spaces, hyphens, parentheses
 * and square brackets — no dots, so `report.pdf` is sent as `report`. A missing name is filled in
 * (`document-1`, …) with a warning; a name that had to be changed beyond its extension warns too.
 */
function documentName(filename: string | undefined, documentNumber: number, param: string, warn: (warning: Warning) => void): string {
  if (!filename) {
    const name = `document-${documentNumber}`;
    warn({ type: 'default-applied', field: `${param}.filename`, message: `Bedrock requires a document name; "${name}" was used.` });
    return name;
  }
  const withoutExtension = filename.replace(/\.[a-z0-9]{1,5}$/i, '');
  const cleaned = withoutExtension
    .replace(/[^A-Za-z0-9\s\-()[\]]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  const name = cleaned === '' ? `document-${documentNumber}` : cleaned;
  if (name !== withoutExtension) {
    warn({
      type: 'other',
      field: `${param}.filename`,
      message: `Bedrock document names allow only letters, digits, single spaces, hyphens, parentheses and brackets; "${filename}" was sent as "${name}".`,
    });
  }
  return name;
}
