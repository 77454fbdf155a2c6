import { describe, expect, it } from 'vitest';
import { pageByCursor, parsePageQuery } from './page-by-cursor.js';

const ids = ['e', 'd', 'c', 'b', 'a']; // newest first
const page = (query: string) => pageByCursor(ids, parsePageQuery(new URLSearchParams(query), 100), (id) => id);

describe('pageByCursor', () => {
  it('pages newest first after a cursor', () => {
    expect(page('limit=2')).toEqual({ data: ['e', 'd'], hasMore: true });
    expect(page('limit=2&after=d')).toEqual({ data: ['c', 'b'], hasMore: true });
    expect(page('limit=2&after=b')).toEqual({ data: ['a'], hasMore: false });
  });

  it('pages oldest first with order=asc, and answers an unknown cursor with an empty page', () => {
    expect(page('order=asc&limit=3')).toEqual({ data: ['a', 'b', 'c'], hasMore: true });
    expect(page('after=zz')).toEqual({ data: [], hasMore: false });
  });

  it('refuses a bad limit or order naming the field', () => {
    expect(() => page('limit=0')).toThrow(expect.objectContaining({ param: 'limit' }));
    expect(() => page('order=up')).toThrow(expect.objectContaining({ param: 'order' }));
  });
});
