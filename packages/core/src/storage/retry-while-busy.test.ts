import { describe, expect, it } from 'vitest';
import { retryWhileBusy, waitForLocksOnTimers } from './retry-while-busy.js';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

/** A statement that answers SQLITE_BUSY its first `failures` times, then `value`. */
function statement<T>(failures: number, value: T, error: () => Error = busy) {
  let calls = 0;
  const run = () => {
    calls += 1;
    if (calls <= failures) throw error();
    return value;
  };
  return { run, calls: () => calls };
}

describe('retryWhileBusy', () => {
  it('runs the statement once when the file is free, before its first await', async () => {
    const free = statement(0, 'row');
    const result = retryWhileBusy(free.run, 5000);
    expect(free.calls()).toBe(1);
    await expect(result).resolves.toBe('row');
  });

  it('tries again on timers while the file is busy, the event loop turning between tries', async () => {
    const locked = statement(3, 42);
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 1);
    const started = performance.now();
    await expect(retryWhileBusy(locked.run, 5000)).resolves.toBe(42);
    clearInterval(ticker);
    // 2 + 4 + 8 ms of waiting between four tries.
    expect(performance.now() - started).toBeGreaterThanOrEqual(12);
    expect(ticks).toBeGreaterThan(0);
    expect(locked.calls()).toBe(4);
  });

  it('gives up with the busy error once the timeout has passed', async () => {
    const locked = statement(Number.POSITIVE_INFINITY, 0);
    const started = performance.now();
    await expect(retryWhileBusy(locked.run, 60)).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('passes any other error on at once', async () => {
    const broken = statement(1, 0, () => Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }));
    await expect(retryWhileBusy(broken.run, 5000)).rejects.toMatchObject({ code: 'SQLITE_IOERR' });
    expect(broken.calls()).toBe(1);
  });
});

describe('waitForLocksOnTimers', () => {
  it('turns the busy handler off and retries statements for the given time', async () => {
    const pragmas: string[] = [];
    const whenFree = waitForLocksOnTimers({ pragma: (source: string) => pragmas.push(source) }, 5000);
    expect(pragmas).toEqual(['busy_timeout = 0']);
    const locked = statement(2, 'saved');
    await expect(whenFree(locked.run)).resolves.toBe('saved');
    expect(locked.calls()).toBe(3);
  });
});
