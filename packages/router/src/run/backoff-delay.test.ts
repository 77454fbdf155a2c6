import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from './backoff-delay.js';

describe('fullJitterDelay', () => {
  it('spans [0, min(cap, base * 2^n)) with the random draw', () => {
    expect(fullJitterDelay(0, 200, 8_000, () => 0)).toBe(0);
    expect(fullJitterDelay(0, 200, 8_000, () => 0.5)).toBe(100);
    expect(fullJitterDelay(3, 200, 8_000, () => 0.999)).toBeCloseTo(1_598.4);
  });
  it('stops growing at the cap, even for huge retry indexes', () => {
    expect(fullJitterDelay(6, 200, 8_000, () => 0.5)).toBe(4_000);
    expect(fullJitterDelay(2_000, 200, 8_000, () => 0.5)).toBe(4_000);
  });
  it('stays inside the bounds for any draw', () => {
    for (let retry = 0; retry < 10; retry++) {
      const ceiling = Math.min(8_000, 200 * 2 ** retry);
      for (let draw = 0; draw < 50; draw++) {
        const delay = fullJitterDelay(retry, 200, 8_000, Math.random);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
      }
    }
  });
});
