import { describe, expect, it, vi } from 'vitest';
import { abortableSleep } from './abortable-sleep.js';

describe('abortableSleep', () => {
  it('resolves after the wait', async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const sleeping = abortableSleep(1_000, new AbortController().signal).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await sleeping;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
  it('rejects with the reason as soon as the signal aborts, or at once if it already did', async () => {
    const controller = new AbortController();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort(new Error('client left'));
    await expect(sleeping).rejects.toThrow('client left');
    await expect(abortableSleep(10, controller.signal)).rejects.toThrow('client left');
  });
});
