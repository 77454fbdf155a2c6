import { describe, expect, it } from 'vitest';
import { type LoadbalanceCandidate, pickByWeight, selectLoadbalanceTarget } from './select-loadbalance-target.js';

// A small seeded generator (mulberry32), so the statistical checks are repeatable.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const candidate = (weight: number, extra: Partial<LoadbalanceCandidate> = {}): LoadbalanceCandidate => ({ weight, available: true, inFlight: 0, ...extra });

function share(candidates: LoadbalanceCandidate[], policy: 'weighted' | 'least-busy' | 'least-latency', draws: number, seed: number): number[] {
  const random = seededRandom(seed);
  const counts = candidates.map(() => 0);
  for (let draw = 0; draw < draws; draw++) counts[selectLoadbalanceTarget(candidates, policy, random)]! += 1;
  return counts.map((count) => count / draws);
}

describe('selectLoadbalanceTarget', () => {
  it('draws 3:1 weights about 75 % / 25 % over 2,000 picks', () => {
    const [first, second] = share([candidate(3), candidate(1)], 'weighted', 2_000, 42);
    expect(first).toBeGreaterThan(0.72);
    expect(first).toBeLessThan(0.78);
    expect(second).toBeCloseTo(1 - first!, 10);
  });
  it('draws fractional weights as documented (0.7 / 0.3)', () => {
    const [first] = share([candidate(0.7), candidate(0.3)], 'weighted', 2_000, 7);
    expect(first).toBeGreaterThan(0.67);
    expect(first).toBeLessThan(0.73);
  });
  it('never picks weight 0', () => {
    expect(share([candidate(0), candidate(1), candidate(0)], 'weighted', 500, 1)).toEqual([0, 1, 0]);
  });
  it('leaves cooled-down targets out, unless all are cooling down', () => {
    expect(share([candidate(5, { available: false }), candidate(1)], 'weighted', 200, 3)).toEqual([0, 1]);
    const [first] = share([candidate(3, { available: false }), candidate(1, { available: false })], 'weighted', 2_000, 5);
    expect(first).toBeGreaterThan(0.7);
  });
  it('least-busy takes the fewest in flight, ties drawn by weight', () => {
    expect(share([candidate(1, { inFlight: 4 }), candidate(1, { inFlight: 1 }), candidate(9, { inFlight: 2 })], 'least-busy', 100, 2)).toEqual([0, 1, 0]);
    const [first, second, third] = share([candidate(3, { inFlight: 1 }), candidate(1, { inFlight: 1 }), candidate(5, { inFlight: 2 })], 'least-busy', 2_000, 9);
    expect(third).toBe(0);
    expect(first).toBeGreaterThan(0.72);
    expect(second).toBeLessThan(0.28);
  });
  it('least-latency takes the lowest average; an unmeasured target is tried first', () => {
    expect(share([candidate(1, { latencyMs: 300 }), candidate(1, { latencyMs: 120 }), candidate(1, { latencyMs: 200 })], 'least-latency', 100, 4)).toEqual([0, 1, 0]);
    expect(share([candidate(1, { latencyMs: 30 }), candidate(1)], 'least-latency', 100, 4)).toEqual([0, 1]);
  });
  it('least-latency skips a fast target that is cooling down', () => {
    expect(share([candidate(1, { latencyMs: 10, available: false }), candidate(1, { latencyMs: 900 })], 'least-latency', 50, 8)).toEqual([0, 1]);
  });
});

describe('pickByWeight', () => {
  it('maps the draw onto the weights', () => {
    expect(pickByWeight([3, 1], () => 0)).toBe(0);
    expect(pickByWeight([3, 1], () => 0.74)).toBe(0);
    expect(pickByWeight([3, 1], () => 0.75)).toBe(1);
    expect(pickByWeight([1, 0], () => 0.9999999999999999)).toBe(0);
  });
});
