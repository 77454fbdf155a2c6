import { describe, expect, it } from 'vitest';
import { FailureWindow } from './failure-window.js';

describe('FailureWindow', () => {
  it('counts calls and failures inside the window', () => {
    const window = new FailureWindow(60_000);
    window.record(1_000, false);
    window.record(2_000, true);
    window.record(30_000, true);
    expect(window.totals(30_000)).toEqual({ calls: 3, failures: 2 });
  });
  it('forgets what slid out of the window, bucket by bucket', () => {
    const window = new FailureWindow(60_000);
    window.record(0, true);
    window.record(30_000, true);
    expect(window.totals(59_999)).toEqual({ calls: 2, failures: 2 });
    expect(window.totals(60_000)).toEqual({ calls: 1, failures: 1 });
    expect(window.totals(90_000)).toEqual({ calls: 0, failures: 0 });
  });
  it('reuses a bucket slot once its time has passed', () => {
    const window = new FailureWindow(10_000, 10);
    window.record(500, true);
    window.record(10_500, false);
    expect(window.totals(10_500)).toEqual({ calls: 1, failures: 0 });
  });
  it('clears', () => {
    const window = new FailureWindow(60_000);
    window.record(1, true);
    window.clear();
    expect(window.totals(2)).toEqual({ calls: 0, failures: 0 });
  });
});
