import { describe, expect, it } from 'vitest';
import { convertImageToCohereContent } from './convert-image-to-cohere-content.js';

describe('convertImageToCohereContent', () => {
  it('keeps a data URL as it came', () => {
    expect(convertImageToCohereContent({ type: 'image', source: { type: 'url', url: 'data:image/jpeg;base64,/9j/' } }, 'p')).toEqual({
      type: 'image_url',
      image_url: { url: 'data:image/jpeg;base64,/9j/' },
    });
  });

  it('refuses a file id', () => {
    expect(() => convertImageToCohereContent({ type: 'image', source: { type: 'file-id', fileId: 'f' } }, 'messages[0].content[1]')).toThrow(/messages\[0\]\.content\[1\]/);
  });
});
