import { describe, expect, it } from 'vitest';
import { createTokenCache, type IssuedToken } from './token-cache.js';

function issuer(expiresInSeconds = 3600) {
  let issued = 0;
  const issue = async (): Promise<IssuedToken> => ({ token: `token-${++issued}`, expiresInSeconds });
  return { issue, count: () => issued };
}

describe('createTokenCache', () => {
  it('reuses a token until the refresh margin before it expires, then exchanges again', async () => {
    let clock = 1_000_000;
    const cache = createTokenCache({ now: () => clock, refreshMarginMs: 60_000 });
    const { issue, count } = issuer(3600);
    expect(await cache.get('account-a', issue)).toBe('token-1');
    clock += 3600_000 - 60_001;
    expect(await cache.get('account-a', issue)).toBe('token-1');
    clock += 1;
    expect(await cache.get('account-a', issue)).toBe('token-2');
    expect(count()).toBe(2);
  });

  it('keeps tokens per credential', async () => {
    const cache = createTokenCache({ now: () => 0 });
    const { issue } = issuer();
    expect(await cache.get('a', issue)).toBe('token-1');
    expect(await cache.get('b', issue)).toBe('token-2');
    expect(await cache.get('a', issue)).toBe('token-1');
    expect(cache.size).toBe(2);
  });

  it('shares one exchange between concurrent callers', async () => {
    const cache = createTokenCache({ now: () => 0 });
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const issue = async (): Promise<IssuedToken> => {
      calls++;
      await gate;
      return { token: 'shared', expiresInSeconds: 3600 };
    };
    const both = Promise.all([cache.get('a', issue), cache.get('a', issue)]);
    release();
    expect(await both).toEqual(['shared', 'shared']);
    expect(calls).toBe(1);
  });

  it('does not cache a failed exchange, and forgets a deleted token', async () => {
    const cache = createTokenCache({ now: () => 0 });
    await expect(cache.get('a', async () => Promise.reject(new Error('denied')))).rejects.toThrow('denied');
    const { issue, count } = issuer();
    expect(await cache.get('a', issue)).toBe('token-1');
    cache.delete('a');
    expect(await cache.get('a', issue)).toBe('token-2');
    expect(count()).toBe(2);
  });

  it('forgets the least recently used credential beyond maxEntries', async () => {
    const cache = createTokenCache({ now: () => 0, maxEntries: 2 });
    const { issue, count } = issuer();
    await cache.get('a', issue);
    await cache.get('b', issue);
    await cache.get('a', issue);
    await cache.get('c', issue);
    expect(cache.size).toBe(2);
    expect(await cache.get('a', issue)).toBe('token-1');
    expect(await cache.get('b', issue)).toBe('token-4');
    expect(count()).toBe(4);
  });
});
