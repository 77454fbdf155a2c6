import { describe, expect, it } from 'vitest';
import { imagenAspectRatio } from './imagen-aspect-ratio.js';

describe('imagenAspectRatio', () => {
  it('maps sizes whose ratio Imagen has exactly', () => {
    expect(imagenAspectRatio('1024x1024')).toEqual({ aspectRatio: '1:1', exact: true });
    expect(imagenAspectRatio('1536x2048')).toEqual({ aspectRatio: '3:4', exact: true });
    expect(imagenAspectRatio('1920x1080')).toEqual({ aspectRatio: '16:9', exact: true });
    expect(imagenAspectRatio('768x1366')).toEqual({ aspectRatio: '9:16', exact: false });
  });

  it('takes the nearest ratio for the others, marked inexact', () => {
    expect(imagenAspectRatio('1792x1024')).toEqual({ aspectRatio: '16:9', exact: false });
    expect(imagenAspectRatio('1536x1024')).toEqual({ aspectRatio: '4:3', exact: false });
  });

  it('has no ratio for auto or a malformed size', () => {
    expect(imagenAspectRatio('auto')).toBeUndefined();
    expect(imagenAspectRatio('1024')).toBeUndefined();
    expect(imagenAspectRatio('0x10')).toBeUndefined();
  });
});
