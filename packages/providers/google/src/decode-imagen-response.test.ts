import { UpstreamError, type Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { decodeImagenResponse } from './decode-imagen-response.js';

describe('decodeImagenResponse', () => {
  it('returns each prediction as base64 with its MIME type', () => {
    const warnings: Warning[] = [];
    const body = { predictions: [{ bytesBase64Encoded: 'iVBORw0K', mimeType: 'image/png' }, { bytesBase64Encoded: '/9j/4AAQ', mimeType: 'image/jpeg' }] };
    expect(decodeImagenResponse(body, { now: () => 1_700_000_000_500, warn: (warning) => warnings.push(warning) })).toEqual({
      created: 1_700_000_000,
      images: [
        { base64: 'iVBORw0K', mediaType: 'image/png' },
        { base64: '/9j/4AAQ', mediaType: 'image/jpeg' },
      ],
    });
    expect(warnings).toEqual([]);
  });

  it('warns about images a safety filter removed, and fails when none is left', () => {
    const warnings: Warning[] = [];
    const partly = { predictions: [{ bytesBase64Encoded: 'AAAA', mimeType: 'image/png' }, { raiFilteredReason: 'filtered: violence' }] };
    expect(decodeImagenResponse(partly, { warn: (warning) => warnings.push(warning) }).images).toHaveLength(1);
    expect(warnings[0]!.message).toContain('filtered: violence');

    let caught: unknown;
    try {
      decodeImagenResponse({}, { warn: () => {} });
    } catch (error) {
      caught = error;
    }
    expect(UpstreamError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ kind: 'invalid_request', status: 400 });
  });
});
