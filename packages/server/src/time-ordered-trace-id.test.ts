import { describe, expect, it } from 'vitest';
import { timeOrderedTraceId } from './time-ordered-trace-id.js';

describe('time-ordered trace ids', () => {
  it('are UUIDv7: the version nibble is 7, the variant is RFC 9562, the first 48 bits are the time', () => {
    const now = Date.UTC(2026, 10, 25, 12, 0, 0, 123);
    const id = timeOrderedTraceId(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(now);
  });

  it('write the time as 12 hex digits across 16-bit carries', () => {
    for (const now of [0, 0xffff, 0x1_0000, 0xffff_ffff, 0x1_0000_0000, 0x1_0000_ffff, 1_764_000_000_000, 0xffff_ffff_ffff]) {
      const id = timeOrderedTraceId(now);
      expect(id.slice(0, 8) + id.slice(9, 13)).toBe(now.toString(16).padStart(12, '0'));
    }
  });

  it('sort by the time they were made and never repeat', () => {
    const ids = Array.from({ length: 2000 }, (_, index) => timeOrderedTraceId(1_700_000_000_000 + index));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 10_000 }, () => timeOrderedTraceId())).size).toBe(10_000);
  });

  it('leave no random digit fixed: each of the 18 random positions takes many values, the variant all four', () => {
    const ids = Array.from({ length: 4000 }, () => timeOrderedTraceId(1_700_000_000_000));
    const randomPositions = [15, 16, 17, 20, 21, 22, ...Array.from({ length: 12 }, (_, index) => 24 + index)];
    for (const position of randomPositions) expect(new Set(ids.map((id) => id[position])).size, `position ${position}`).toBe(16);
    expect(new Set(ids.map((id) => id[19]))).toEqual(new Set(['8', '9', 'a', 'b']));
    // Every bit of the last group is random: its highest and lowest digits too (checked above), and no id repeats.
    expect(new Set(ids).size).toBe(ids.length);
  });
});
