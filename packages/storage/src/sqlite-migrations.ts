import type { Migration } from './migration.js';

/** The embedded database's schema history. */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'responses',
    statements: [
      // The record is one JSON document; the columns beside it are what lookups and retention need.
      `CREATE TABLE switchyard_responses (
        id TEXT PRIMARY KEY,
        owner TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        record TEXT NOT NULL CHECK (json_valid(record))
      )`,
      'CREATE INDEX switchyard_responses_created_at ON switchyard_responses (created_at)',
    ],
  },
];
