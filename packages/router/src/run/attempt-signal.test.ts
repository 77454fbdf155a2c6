import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAttemptSignal } from './attempt-signal.js';

const reasons = { requestTimeoutReason: () => new Error('request timeout'), deadlineReason: () => new Error('deadline') };

describe('createAttemptSignal', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('aborts on the request timeout with its reason', async () => {
    const client = new AbortController();
    const attempt = createAttemptSignal({ clientSignal: client.signal, requestTimeoutMs: 100, ...reasons });
    vi.advanceTimersByTime(99);
    expect(attempt.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(attempt.signal.aborted).toBe(true);
    expect(attempt.cause()).toBe('request-timeout');
    await expect(attempt.aborted).rejects.toThrow('request timeout');
  });
  it('stops the request timeout once the answer began, but not the deadline', () => {
    const attempt = createAttemptSignal({ clientSignal: new AbortController().signal, requestTimeoutMs: 100, deadlineInMs: 500, ...reasons });
    attempt.stopRequestTimeout();
    vi.advanceTimersByTime(499);
    expect(attempt.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(attempt.cause()).toBe('deadline');
  });
  it('aborts at once when the deadline already passed or the client already left', () => {
    expect(createAttemptSignal({ clientSignal: new AbortController().signal, deadlineInMs: 0, ...reasons }).cause()).toBe('deadline');
    const client = new AbortController();
    client.abort(new Error('gone'));
    const attempt = createAttemptSignal({ clientSignal: client.signal, ...reasons });
    expect(attempt.cause()).toBe('client');
    expect(attempt.signal.reason).toEqual(new Error('gone'));
  });
  it('follows the client after a success (a relayed stream must stop), not after a failure', () => {
    const client = new AbortController();
    const succeeded = createAttemptSignal({ clientSignal: client.signal, requestTimeoutMs: 100, ...reasons });
    const failed = createAttemptSignal({ clientSignal: client.signal, deadlineInMs: 5_000, ...reasons });
    succeeded.settle('success');
    failed.settle('failure');
    vi.advanceTimersByTime(1_000);
    expect(succeeded.signal.aborted).toBe(false);
    client.abort();
    expect(succeeded.signal.aborted).toBe(true);
    expect(succeeded.cause()).toBe('client');
    expect(failed.signal.aborted).toBe(false);
  });
  describe('without a request timeout or a deadline', () => {
    it("uses the client's own signal: no AbortSignal of its own", () => {
      const client = new AbortController();
      const attempt = createAttemptSignal({ clientSignal: client.signal, ...reasons });
      expect(attempt.signal).toBe(client.signal);
      expect(attempt.cause()).toBeUndefined();
    });
    it('ends when the client leaves, with the client as the cause and its reason', async () => {
      const client = new AbortController();
      const attempt = createAttemptSignal({ clientSignal: client.signal, ...reasons });
      client.abort(new Error('client left'));
      expect(attempt.signal.aborted).toBe(true);
      expect(attempt.cause()).toBe('client');
      await expect(attempt.aborted).rejects.toThrow('client left');
    });
    it('after a success still names the client as the cause when it leaves; after a failure does not', () => {
      const client = new AbortController();
      const succeeded = createAttemptSignal({ clientSignal: client.signal, ...reasons });
      const failed = createAttemptSignal({ clientSignal: client.signal, ...reasons });
      succeeded.settle('success');
      failed.settle('failure');
      client.abort();
      expect(succeeded.cause()).toBe('client');
      expect(failed.cause()).toBeUndefined();
    });
    it('leaves no listener on the client signal after a failure', () => {
      const client = new AbortController();
      const added: unknown[] = [];
      const removed: unknown[] = [];
      const add = client.signal.addEventListener.bind(client.signal);
      const remove = client.signal.removeEventListener.bind(client.signal);
      client.signal.addEventListener = (...args: Parameters<typeof add>) => {
        added.push(args[1]);
        add(...args);
      };
      client.signal.removeEventListener = (...args: Parameters<typeof remove>) => {
        removed.push(args[1]);
        remove(...args);
      };
      createAttemptSignal({ clientSignal: client.signal, ...reasons }).settle('failure');
      expect(added).toHaveLength(1);
      expect(removed).toEqual(added);
    });
  });
});
