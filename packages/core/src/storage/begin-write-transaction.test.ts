import { describe, expect, it } from 'vitest';
import { beginWriteTransaction, inWriteTransaction } from './begin-write-transaction.js';

const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

/** A connection whose first `failures` BEGINs answer `error`; records every statement and pragma. */
function connection(failures: number, error: () => Error = busy) {
  const calls: string[] = [];
  let begins = 0;
  return {
    calls,
    inTransaction: false,
    exec(source: string) {
      calls.push(source);
      if (source !== 'BEGIN IMMEDIATE') {
        this.inTransaction = false;
        return;
      }
      begins += 1;
      if (begins <= failures) throw error();
      this.inTransaction = true;
    },
    pragma(source: string) {
      calls.push(source);
    },
  };
}

describe('beginWriteTransaction', () => {
  it('begins at once, with the busy handler off for the attempt and put back after', async () => {
    const db = connection(0);
    await beginWriteTransaction(db, 5000);
    expect(db.calls).toEqual(['busy_timeout = 0', 'BEGIN IMMEDIATE', 'busy_timeout = 5000']);
  });

  it('tries again on timers while another connection holds the lock, the event loop turning between tries', async () => {
    const db = connection(3);
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 1);
    const started = performance.now();
    await beginWriteTransaction(db, 5000);
    clearInterval(ticker);
    // 2 + 4 + 8 ms of waiting between four attempts.
    expect(performance.now() - started).toBeGreaterThanOrEqual(12);
    expect(ticks).toBeGreaterThan(0);
    expect(db.calls.filter((call) => call === 'BEGIN IMMEDIATE')).toHaveLength(4);
    expect(db.calls.at(-1)).toBe('busy_timeout = 5000');
  });

  it('gives up with SQLite\'s own busy error once the timeout has passed', async () => {
    const db = connection(Number.POSITIVE_INFINITY);
    const started = performance.now();
    await expect(beginWriteTransaction(db, 5000, 60)).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(db.calls.at(-1)).toBe('busy_timeout = 5000');
  });

  it('passes any other error on at once', async () => {
    const db = connection(1, () => Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' }));
    await expect(beginWriteTransaction(db, 5000)).rejects.toMatchObject({ code: 'SQLITE_IOERR' });
    expect(db.calls.filter((call) => call === 'BEGIN IMMEDIATE')).toHaveLength(1);
  });
});

describe('inWriteTransaction', () => {
  it('commits once the work, awaited, has finished, and answers its result', async () => {
    const db = connection(0);
    const result = await inWriteTransaction(db, 5000, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      db.calls.push('work');
      return 7;
    });
    expect(result).toBe(7);
    expect(db.calls).toEqual(['busy_timeout = 0', 'BEGIN IMMEDIATE', 'busy_timeout = 5000', 'work', 'COMMIT']);
    expect(db.inTransaction).toBe(false);
  });

  it('rolls back and rethrows when the work throws', async () => {
    const db = connection(0);
    await expect(inWriteTransaction(db, 5000, () => {
      throw new Error('constraint failed');
    })).rejects.toThrow('constraint failed');
    expect(db.calls.slice(-1)).toEqual(['ROLLBACK']);
    expect(db.calls).not.toContain('COMMIT');
  });
});

