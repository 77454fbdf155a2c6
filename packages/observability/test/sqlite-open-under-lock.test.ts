import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteLogStore } from '../src/logs/sqlite-log-store.js';

const folder = mkdtempSync(join(tmpdir(), 'switchyard-log-lock-'));
const holders: ChildProcess[] = [];
afterAll(() => {
  for (const holder of holders) holder.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

/**
 * Another process takes the write lock of a new database file (as a gateway starting at the same
 * moment does while it sets the file up) and lets go after `holdMs`. Resolves once it holds it.
 */
async function holdWriteLock(path: string, holdMs: number): Promise<{ released: Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(path)});
    db.exec('BEGIN IMMEDIATE');
    db.exec('CREATE TABLE IF NOT EXISTS other_writer (value TEXT)');
    process.stdout.write('holding\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); process.stdout.write('released\\n'); }, ${holdMs});
  `;
  const holder = spawn(process.execPath, ['-e', script], { cwd: dirname(fileURLToPath(import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'] });
  holders.push(holder);
  let output = '';
  let errors = '';
  holder.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const holding = new Promise<void>((resolve, reject) => {
    holder.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('holding')) resolve();
    });
    holder.once('exit', (code) => reject(new Error(`the lock holder exited (${code}) before holding the lock: ${errors}`)));
  });
  const released = new Promise<void>((resolve) => holder.once('exit', () => resolve()));
  await holding;
  return { released };
}

describe('SQLite log store opening a file another process is writing', () => {
  it('waits for the other writer instead of failing with "database is locked"', async () => {
    const path = join(folder, 'shared.db');
    const { released } = await holdWriteLock(path, 300);
    const started = performance.now();
    const store = createSqliteLogStore({ path });
    // The switch to WAL waited for the other process's transaction to end.
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
    await store.migrate();
    await store.insert([{ id: 'after-lock', kind: 'request', traceId: 't', time: 1_700_000_000_000, method: 'POST', path: '/v1/chat/completions', status: 200, totalMs: 1 }]);
    const page = await store.query({ limit: 10 });
    expect(page.records.map((record) => record.id)).toEqual(['after-lock']);
    await store.close();
    await released;

    const reader = new Database(path, { readonly: true });
    expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
    // The other process's write landed too: neither side lost its work.
    expect(reader.prepare("SELECT name FROM sqlite_master WHERE name = 'other_writer'").get()).toEqual({ name: 'other_writer' });
    reader.close();
  });
});
