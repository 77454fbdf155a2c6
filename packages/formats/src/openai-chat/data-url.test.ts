import { describe, expect, it } from 'vitest';
import { formatBase64DataUrl, parseBase64DataUrl } from './data-url.js';

describe('base64 data URLs', () => {
  it('splits media type and data, and joins them back', () => {
    const url = 'data:image/png;base64,iVBORw0KGgo=';
    expect(parseBase64DataUrl(url)).toEqual({ mediaType: 'image/png', data: 'iVBORw0KGgo=' });
    expect(formatBase64DataUrl('image/png', 'iVBORw0KGgo=')).toBe(url);
  });

  it('leaves other URLs alone', () => {
    expect(parseBase64DataUrl('https://example.com/cat.png')).toBeUndefined();
    expect(parseBase64DataUrl('data:text/plain,hello')).toBeUndefined();
    expect(parseBase64DataUrl('data:application/pdf;name=a.pdf;base64,AAAA')).toBeUndefined();
  });
});
