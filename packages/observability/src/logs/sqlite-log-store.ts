import { deleteInSlices, enterWalMode, inWriteTransaction } from '@switchyard/core';
import Database from 'better-sqlite3';
import { type LogRow, logColumns } from './log-columns.js';
import { allColumns, boundColumns, copyRow, endOfRun, literalsOf, shapeKeyOf } from './repeated-columns.js';
import { pageLogRows } from './log-query-sql.js';
import { checkTableName, logMigrations } from './log-migrations.js';
import type { LogStore } from './log-record.js';
import type { LogRowChunk } from './log-row-chunk.js';
import { logRowsOf } from './log-row-queue.js';

export interface SqliteLogStoreOptions {
  /** A file path, or `:memory:`. */
  path: string;
  table?: string;
}

const rowsPerStatement = 16;
// How long a write waits for another connection's write lock (cluster workers share the file).
const busyTimeoutMs = 5_000;
// Retention deletes this many rows per transaction (~7 ms of work here): one DELETE of every
// expired row held the event loop for all of it (200 000 rows: 275 ms; an hour of a gateway at
// 1 500 requests/s is 5.4 million rows), and the write lock against every other worker as long.
const rowsPerDelete = 5_000;

/** The default log store: one SQLite file beside the gateway, in WAL mode so reads don't block the writer. */
export function createSqliteLogStore(options: SqliteLogStoreOptions): LogStore {
  const table = checkTableName(options.table ?? 'request_logs');
  const db = new Database(options.path);
  // Several processes may share the file (cluster workers): wait for the write lock rather than
  // fail. Writes wait on timers instead (beginWriteTransaction); this covers opening and reads.
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // A new file gets 16 KiB pages: a batch's rows then make a quarter of the WAL frames (each frame
  // is written with its own system calls) and checkpoints copy fewer pages. No effect on a file
  // that has tables already.
  db.pragma('page_size = 16384');
  enterWalMode(db);
  db.pragma('synchronous = NORMAL');
  // better-sqlite3 builds SQLite with a 16 MB page cache per connection; an append-mostly log needs
  // only its newest pages, and the default lets the gateway's RSS creep up by ~15 MiB as the log grows.
  db.pragma('cache_size = -2000');
  // wal_autocheckpoint stays at SQLite's 1 000 pages (16 MiB of these pages): the commit that
  // crosses it checkpoints in the writer's turn, ~29 ms here, once per ~30 000 rows. At 250 pages
  // the stalls were ~10 ms, four times as often, for some 40 % more checkpoint work in all.
  // Rows go in sixteen to a statement: each statement run has a fixed cost (binding, stepping,
  // resetting) that one row a run paid in full; a batch's remainder goes a row at a time.
  // `literals` holds SQL text for columns written into the statement (repeated-columns.ts); the rest are bound.
  const insertStatement = (rows: number, literals?: ReadonlyMap<number, string>) =>
    db.prepare(`INSERT OR IGNORE INTO ${table} (${logColumns.join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${logColumns.map((_, column) => literals?.get(column) ?? '?').join(', ')})`).join(', ')}`);
  let insertOne: Database.Statement | undefined;
  let insertMany: Database.Statement | undefined;
  // Arrays reused by every batch: its rows' values, and the values bound to each statement run.
  const rowValues: unknown[] = [];
  const manyValues: unknown[] = new Array(rowsPerStatement * logColumns.length);
  const oneValues: unknown[] = new Array(logColumns.length);
  const shapeValues: unknown[] = new Array(rowsPerStatement * boundColumns.length);
  // Statements with one run's repeated values written in, by those values. Bounded (each holds a
  // compiled 16-row insert): past 16 shapes the cache starts over, and a shape is prepared again.
  const shapeStatements = new Map<string, Database.Statement | null>();
  const shapeStatement = (values: readonly unknown[], row: number): Database.Statement | undefined => {
    const key = shapeKeyOf(values, row);
    let statement = shapeStatements.get(key);
    if (statement === undefined) {
      const literals = literalsOf(values, row);
      statement = literals ? insertStatement(rowsPerStatement, literals) : null;
      if (shapeStatements.size >= 16) shapeStatements.clear();
      shapeStatements.set(key, statement);
    }
    return statement ?? undefined;
  };
  // Rows waiting in `manyValues` for a full generic statement.
  let pending = 0;
  const addGeneric = (row: number) => {
    copyRow(rowValues, row, manyValues, pending, allColumns);
    pending += 1;
    if (pending === rowsPerStatement) {
      // Values as arguments rather than one array: better-sqlite3 binds them faster.
      (insertMany ??= insertStatement(rowsPerStatement)).run(...manyValues);
      pending = 0;
    }
  };
  // Writes a chunk's rows, in whatever transaction is open. Made once: with a new function per
  // batch (`db.transaction(() => …)()`), V8 optimized that function again every two or three
  // seconds under load (--trace-opt: 7-8 compilations of some 25 ms each per 20 s at 1500
  // requests/s, 5-7 µs of compiler CPU per request).
  const writeRows = (chunk: LogRowChunk) => {
    // Every row's values first, then rows go in by runs that agree on the repeated columns (repeated-columns.ts).
    const rows = chunk.rows;
    for (let row = 0; row < rows; row += 1) chunk.read(row, rowValues, row * logColumns.length);
    pending = 0;
    for (let runStart = 0; runStart < rows; ) {
      const runEnd = endOfRun(rowValues, runStart, rows);
      const full = Math.floor((runEnd - runStart) / rowsPerStatement) * rowsPerStatement;
      const statement = full > 0 ? shapeStatement(rowValues, runStart) : undefined;
      let row = runStart;
      if (statement) {
        for (; row < runStart + full; row += rowsPerStatement) {
          for (let offset = 0; offset < rowsPerStatement; offset += 1) copyRow(rowValues, row + offset, shapeValues, offset, boundColumns);
          statement.run(...shapeValues);
        }
      }
      for (; row < runEnd; row += 1) addGeneric(row);
      runStart = runEnd;
    }
    // What is left, a row at a time.
    const one = (insertOne ??= insertStatement(1));
    for (let row = 0; row < pending; row += 1) {
      for (let column = 0; column < logColumns.length; column += 1) oneValues[column] = manyValues[row * logColumns.length + column];
      one.run(...oneValues);
    }
  };
  // The reused arrays must not keep a batch's values alive until the next one (with body logging
  // on, two bodies of up to 64 KiB a row).
  const clearReused = () => {
    rowValues.fill(undefined);
    manyValues.fill(undefined);
    oneValues.fill(undefined);
    shapeValues.fill(undefined);
  };
  /**
   * One batch, in one transaction, a chunk (some 128 rows: well under a millisecond) per turn of
   * the event loop, the transaction staying open between them: requests go on being served while
   * it is written (a thousand records take a few milliseconds), and the batch still makes one
   * commit. Each commit writes every page it touched to the WAL whole, so fewer, larger commits
   * write less: in a gateway at 1500 requests/s, batches of a thousand records cost ~6 µs per
   * request (commits included) against ~8 µs for batches of two hundred, and wrote 1.7 KB to disk
   * against 3.5 KB. The write lock is taken first, without blocking while another worker holds it.
   */
  const writeBatch = (chunks: readonly LogRowChunk[]) =>
    inWriteTransaction(db, busyTimeoutMs, async () => {
      for (let index = 0; index < chunks.length; index += 1) {
        if (index > 0) await new Promise((resolve) => setImmediate(resolve));
        try {
          writeRows(chunks[index]!);
        } finally {
          clearReused();
        }
      }
    });
  // One slice of a retention delete, in its own transaction.
  let deleteStatement: Database.Statement | undefined;
  const deleteSlice = (cutoff: number): Promise<number> =>
    inWriteTransaction(db, busyTimeoutMs, () => {
      deleteStatement ??= db.prepare(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE time < ? LIMIT ${rowsPerDelete})`);
      return deleteStatement.run(cutoff).changes;
    });
  // Writes (and deletes, which must not land in a batch's open transaction) one after another.
  let writing: Promise<unknown> = Promise.resolve();
  let closed = false;
  const serially = <T>(work: () => Promise<T> | T): Promise<T> => {
    const run = writing.then(work);
    writing = run.catch(() => {});
    return run;
  };
  return {
    async migrate() {
      db.exec(`CREATE TABLE IF NOT EXISTS ${table}_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`);
      // BEGIN IMMEDIATE takes the write lock before the applied versions are read, so processes
      // opening the same file together (cluster workers) apply each step once.
      db.transaction(() => {
        const applied = new Set((db.prepare(`SELECT version FROM ${table}_migrations`).all() as { version: number }[]).map((row) => row.version));
        logMigrations(table).forEach((statement, index) => {
          if (applied.has(index + 1)) return;
          db.exec(statement);
          db.prepare(`INSERT INTO ${table}_migrations (version, applied_at) VALUES (?, ?)`).run(index + 1, Date.now());
        });
      }).immediate();
    },
    insert(records) {
      return serially(() => writeBatch(logRowsOf(records)));
    },
    insertRows(chunks) {
      return serially(() => writeBatch(chunks));
    },
    async query(query) {
      return pageLogRows(query, () => '?', async (where, params, direction, limit) =>
        db.prepare(`SELECT * FROM ${table} ${where} ORDER BY time ${direction}, id ${direction} LIMIT ?`).all(...params, limit) as LogRow[],
      );
    },
    async deleteOlderThan(cutoff) {
      // Each slice takes its own turn in the write queue: log batches go on landing between slices.
      return deleteInSlices(() => serially(() => deleteSlice(cutoff)), rowsPerDelete, () => closed);
    },
    async close() {
      closed = true;
      await writing;
      db.close();
    },
  };
}
