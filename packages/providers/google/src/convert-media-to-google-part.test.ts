import { describe, expect, it } from 'vitest';
import { convertMediaToGooglePart } from './convert-media-to-google-part.js';

describe('convertMediaToGooglePart', () => {
  it('sends base64 inline, preferring the part media type', () => {
    expect(convertMediaToGooglePart({ type: 'base64', mediaType: 'application/octet-stream', data: 'JVBE' }, 'application/pdf', 'p')).toEqual({
      inlineData: { mimeType: 'application/pdf', data: 'JVBE' },
    });
  });

  it('lets Gemini fetch YouTube links and Files API URIs without a media type', () => {
    expect(convertMediaToGooglePart({ type: 'url', url: 'https://www.youtube.com/watch?v=9hE5-98ZeCg' }, undefined, 'p')).toEqual({
      fileData: { fileUri: 'https://www.youtube.com/watch?v=9hE5-98ZeCg' },
    });
    expect(convertMediaToGooglePart({ type: 'file-id', fileId: 'https://generativelanguage.googleapis.com/v1beta/files/a1' }, 'video/mp4', 'p')).toEqual({
      fileData: { fileUri: 'https://generativelanguage.googleapis.com/v1beta/files/a1', mimeType: 'video/mp4' },
    });
  });

  it('takes the media type of a part over the extension of its URL', () => {
    expect(convertMediaToGooglePart({ type: 'url', url: 'https://cdn.example.com/download?id=3' }, 'application/pdf', 'p')).toEqual({
      fileData: { fileUri: 'https://cdn.example.com/download?id=3', mimeType: 'application/pdf' },
    });
  });

  it('refuses data URLs that are not base64, naming the part', () => {
    expect(() => convertMediaToGooglePart({ type: 'url', url: 'data:text/plain,hello' }, undefined, 'messages[1].content[0]')).toThrow(
      /^messages\[1\]\.content\[0\]: only base64 data URLs/,
    );
  });
});
