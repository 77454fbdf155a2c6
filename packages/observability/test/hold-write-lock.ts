import { type ChildProcess, spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const holders: ChildProcess[] = [];

/**
 * Another process (as another gateway worker would) takes the write lock of the SQLite file at
 * `path`, runs `statement` in its transaction when given, and commits after `holdMs`. Resolves
 * once it holds the lock; `released` once it has let go and exited.
 */
export async function holdWriteLock(path: string, holdMs: number, statement?: string): Promise<{ released: Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(path)});
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN IMMEDIATE');
    ${statement ? `db.exec(${JSON.stringify(statement)});` : ''}
    process.stdout.write('holding\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${holdMs});
  `;
  const holder = spawn(process.execPath, ['-e', script], { cwd: dirname(fileURLToPath(import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'] });
  holders.push(holder);
  let errors = '';
  holder.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    holder.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('holding')) resolve();
    });
    holder.once('exit', (code) => reject(new Error(`the lock holder exited (${code}) before holding the lock: ${errors}`)));
  });
  return { released: new Promise<void>((resolve) => holder.once('exit', () => resolve())) };
}

/** Ends every lock holder still running (for `afterAll`). */
export function stopLockHolders(): void {
  for (const holder of holders) holder.kill('SIGKILL');
}
