import { describe, expect, it } from 'vitest';
import { enterWalMode } from './enter-wal-mode.js';

function busy(): Error {
  return Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
}

/** A connection whose first `failures` switches fail with `error`, then succeed. */
function connection(failures: number, error: () => Error = busy) {
  const calls: string[] = [];
  return {
    calls,
    pragma(source: string) {
      calls.push(source);
      if (calls.length <= failures) throw error();
      return 'wal';
    },
  };
}

describe('enterWalMode', () => {
  it('switches at once when nothing holds the file', () => {
    const db = connection(0);
    enterWalMode(db);
    expect(db.calls).toEqual(['journal_mode = WAL']);
  });

  it('waits and tries again while SQLite answers busy', () => {
    const db = connection(3);
    const started = performance.now();
    enterWalMode(db);
    expect(db.calls).toHaveLength(4);
    // Waits of 2, 4 and 8 ms between the tries.
    expect(performance.now() - started).toBeGreaterThanOrEqual(12);
  });

  it('gives up with the busy error once the time is spent', () => {
    const db = connection(Number.POSITIVE_INFINITY);
    const started = performance.now();
    expect(() => enterWalMode(db, 60)).toThrow('database is locked');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(20);
    expect(elapsed).toBeLessThan(1_000);
    expect(db.calls.length).toBeGreaterThan(2);
  });

  it('throws any other error at once', () => {
    const db = connection(1, () => Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' }));
    expect(() => enterWalMode(db)).toThrow('file is not a database');
    expect(db.calls).toHaveLength(1);
  });
});
