import type { Migration } from './migration.js';

/** The PostgreSQL schema history. Statements are unqualified: they run with search_path set to the store's schema. */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'responses',
    statements: [
      // `json`, not `jsonb`: the Response object is returned exactly as it was sent (key order
      // kept); nothing queries inside it.
      `CREATE TABLE switchyard_responses (
        id text PRIMARY KEY,
        owner text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL,
        record json NOT NULL
      )`,
      'CREATE INDEX switchyard_responses_created_at ON switchyard_responses (created_at)',
    ],
  },
];
