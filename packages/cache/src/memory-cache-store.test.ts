import type { ChatResponse } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createMemoryCacheStore } from './memory-cache-store.js';

const answer = (text: string) => ({ response: { id: `r-${text}`, model: 'm', content: [{ type: 'text', text }], finishReason: { unified: 'stop', raw: 'stop' } } as ChatResponse, storedAt: 0 });

describe('memory cache store', () => {
  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const store = createMemoryCacheStore({ maxEntries: 2 });
    await store.set('a', answer('a'), 60);
    await store.set('b', answer('b'), 60);
    expect((await store.get('a'))?.response.id).toBe('r-a'); // a is now the most recently used
    await store.set('c', answer('c'), 60);
    expect(store.size!()).toBe(2);
    expect(await store.get('b')).toBeUndefined();
    expect((await store.get('a'))?.response.id).toBe('r-a');
    expect((await store.get('c'))?.response.id).toBe('r-c');
  });

  it('expires entries after max age', async () => {
    let now = 1_000_000;
    const store = createMemoryCacheStore({ now: () => now });
    await store.set('a', answer('a'), 30);
    now += 29_000;
    expect(await store.get('a')).toBeDefined();
    now += 1_000;
    expect(await store.get('a')).toBeUndefined();
    expect(store.size!()).toBe(0);
  });

  it('hands out copies, so a caller cannot change a stored entry', async () => {
    const store = createMemoryCacheStore();
    await store.set('a', answer('a'), 60);
    const first = await store.get('a');
    (first!.response.content[0] as { text: string }).text = 'changed';
    expect((await store.get('a'))!.response.content[0]).toEqual({ type: 'text', text: 'a' });
  });
});
