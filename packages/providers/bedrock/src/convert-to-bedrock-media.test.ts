import type { Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { convertToBedrockDocument, convertToBedrockImage } from './convert-to-bedrock-media.js';

describe('convertToBedrockImage', () => {
  it('tells an s3 image format from its extension', () => {
    expect(convertToBedrockImage({ type: 'image', source: { type: 'url', url: 's3://bucket/a/b.JPG' } }, 'p')).toEqual({
      image: { format: 'jpeg', source: { s3Location: { uri: 's3://bucket/a/b.JPG' } } },
    });
    expect(() => convertToBedrockImage({ type: 'image', source: { type: 'url', url: 's3://bucket/no-extension' } }, 'p')).toThrow(/could not be told/);
  });

  it('refuses uploaded file ids', () => {
    expect(() => convertToBedrockImage({ type: 'image', source: { type: 'file-id', fileId: 'file-1' } }, 'p')).toThrow(
      expect.objectContaining({ kind: 'unsupported', param: 'p' }),
    );
  });
});

describe('convertToBedrockDocument', () => {
  const warnings: Warning[] = [];
  const warn = (warning: Warning) => warnings.push(warning);

  it('maps office and text documents by media type, from the part or the data URL', () => {
    expect(
      convertToBedrockDocument(
        {
          type: 'file',
          source: { type: 'base64', mediaType: 'application/octet-stream', data: 'UEsDBA==' },
          mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          filename: 'Plan 2026.docx',
        },
        'p',
        1,
        warn,
      ),
    ).toEqual({ document: { format: 'docx', name: 'Plan 2026', source: { bytes: 'UEsDBA==' } } });
    expect(convertToBedrockDocument({ type: 'file', source: { type: 'url', url: 'data:text/csv;base64,YSxi' }, filename: 'table.csv' }, 'p', 2, warn)).toEqual({
      document: { format: 'csv', name: 'table', source: { bytes: 'YSxi' } },
    });
    expect(warnings).toEqual([]);
  });

  it('refuses a type Bedrock does not read', () => {
    expect(() => convertToBedrockDocument({ type: 'file', source: { type: 'base64', mediaType: 'application/zip', data: 'UEs=' } }, 'p', 1, warn)).toThrow(
      expect.objectContaining({ kind: 'unsupported' }),
    );
  });
});
