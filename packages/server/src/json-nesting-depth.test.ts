import { describe, expect, it } from 'vitest';
import { exceedsJsonNestingDepth } from './json-nesting-depth.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('exceedsJsonNestingDepth', () => {
  it('counts objects and arrays together', () => {
    expect(exceedsJsonNestingDepth(bytes('{"a":[{"b":[1]}]}'), 4)).toBe(false);
    expect(exceedsJsonNestingDepth(bytes('{"a":[{"b":[[1]]}]}'), 4)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonNestingDepth(bytes(`{"a":"${'['.repeat(50)}\\"${'{'.repeat(50)}"}`), 2)).toBe(false);
  });

  it('finds 100k levels without recursion', () => {
    expect(exceedsJsonNestingDepth(bytes(`{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`))).toBe(true);
  });
});
