import { UpstreamError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { catchUpstreamError } from './catch-upstream-error.js';

describe('catchUpstreamError', () => {
  it('returns the UpstreamError a call fails with', async () => {
    const error = new UpstreamError('overloaded', { provider: 'p', status: 529 });
    expect(await catchUpstreamError(() => Promise.reject(error))).toBe(error);
  });

  it('fails when the call succeeds or fails otherwise', async () => {
    await expect(catchUpstreamError(async () => 'fine')).rejects.toThrow(/expected an UpstreamError/);
    await expect(catchUpstreamError(() => Promise.reject(new TypeError('bug')))).rejects.toThrow(TypeError);
  });
});
