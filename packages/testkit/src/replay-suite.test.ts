import { afterEach, describe, expect, it, vi } from 'vitest';
import { replaySuite } from './replay-suite.js';

describe('replaySuite', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says once why absent recordings skip the suite, and fails on any read with that reason', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const suite = replaySuite('no-such-fixtures-folder', 'example replay');
    expect(suite.found).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/^example replay skipped: /);
    expect(() => suite.fixtures.cases()).toThrow(/recorded fixtures are absent: /);
  });

  it('keeps the cases marked as replayed', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const suite = replaySuite('no-such-fixtures-folder');
    expect(suite.cover('text')).toBe('text');
    suite.cover('text-stream');
    expect([...suite.covered]).toEqual(['text', 'text-stream']);
  });
});
