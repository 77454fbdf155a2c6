import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRetentionSweep } from './start-retention-sweep.js';

const day = 86_400_000;
afterEach(() => vi.useRealTimers());

describe('startRetentionSweep', () => {
  it('sweeps at start and then every interval, with the cutoff `retentionDays` before now', async () => {
    vi.useFakeTimers();
    let clock = 100 * day;
    const cutoffs: number[] = [];
    const sweep = startRetentionSweep(async (cutoff) => (cutoffs.push(cutoff), 1), { retentionDays: 30, everyMs: 60_000, now: () => clock });
    await vi.advanceTimersByTimeAsync(0);
    expect(cutoffs).toEqual([70 * day]);
    clock += 60_000;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(cutoffs).toEqual([70 * day, 70 * day + 60_000]);
    sweep.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(cutoffs).toHaveLength(2);
  });

  it('reports a failed sweep and still runs the next', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let calls = 0;
    const sweep = startRetentionSweep(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('disk full');
        return 3;
      },
      { retentionDays: 1, everyMs: 1000, onError: (error) => errors.push(error) },
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toEqual([new Error('disk full')]);
    expect(calls).toBe(2);
    await expect(sweep.runOnce()).resolves.toBe(3);
    sweep.stop();
  });

  it('never runs two sweeps at once: one asked for during a slow sweep waits for it', async () => {
    let active = 0;
    let most = 0;
    const finish: Array<() => void> = [];
    const sweep = startRetentionSweep(
      () => {
        active += 1;
        most = Math.max(most, active);
        return new Promise<number>((resolve) => finish.push(() => (active -= 1, resolve(5))));
      },
      { retentionDays: 1 },
    );
    const second = sweep.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(finish).toHaveLength(1);
    finish[0]!();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(finish).toHaveLength(2);
    finish[1]!();
    await expect(second).resolves.toBe(5);
    expect(most).toBe(1);
    sweep.stop();
  });
});
