import { describe, expect, it } from 'vitest';
import { pageInputItems } from './page-input-items.js';

const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, type: 'message' }));
const page = (query: string) => pageInputItems(items, new URLSearchParams(query));

describe('pageInputItems', () => {
  it('lists newest first by default, up to 20', () => {
    expect(page('')).toEqual({ object: 'list', data: [...items].reverse(), first_id: 'e', last_id: 'a', has_more: false });
  });

  it('pages with limit and the after cursor, in either order', () => {
    expect(page('limit=2')).toMatchObject({ first_id: 'e', last_id: 'd', has_more: true });
    expect(page('limit=2&after=d')).toMatchObject({ first_id: 'c', last_id: 'b', has_more: true });
    expect(page('limit=2&after=b')).toMatchObject({ data: [{ id: 'a' }], has_more: false });
    expect(page('order=asc&limit=3')).toMatchObject({ first_id: 'a', last_id: 'c', has_more: true });
    expect(page('order=asc&after=e')).toEqual({ object: 'list', data: [], first_id: null, last_id: null, has_more: false });
  });

  it('refuses a limit outside 1–100, an unknown order or cursor, naming the parameter', () => {
    expect(() => page('limit=0')).toThrow(expect.objectContaining({ param: 'limit', code: 'integer_below_min_value' }));
    expect(() => page('limit=101')).toThrow(expect.objectContaining({ param: 'limit', code: 'integer_above_max_value' }));
    expect(() => page('limit=two')).toThrow(expect.objectContaining({ param: 'limit' }));
    expect(() => page('order=up')).toThrow(expect.objectContaining({ param: 'order' }));
    expect(() => page('after=zzz')).toThrow(expect.objectContaining({ param: 'after' }));
  });
});
