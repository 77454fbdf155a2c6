/**
 * Schema versions of the log table, applied in order and recorded, so a later version can add
 * columns to a live log. Both SQL stores use the same statements (types common to both).
 */
export function logMigrations(table: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${table} (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL, trace_id TEXT NOT NULL, time BIGINT NOT NULL, method TEXT NOT NULL,
      path TEXT NOT NULL, format TEXT, provider TEXT, model_requested TEXT, model_answered TEXT, status INTEGER NOT NULL,
      error_kind TEXT, error_message TEXT, attempt_index INTEGER, retries INTEGER, attempts INTEGER, cache_status TEXT,
      stream INTEGER, first_byte_ms DOUBLE PRECISION, total_ms DOUBLE PRECISION NOT NULL, upstream_ms DOUBLE PRECISION,
      overhead_ms DOUBLE PRECISION, tokens_input BIGINT, tokens_output BIGINT, tokens_cached_input BIGINT,
      tokens_cache_write BIGINT, tokens_reasoning BIGINT, cost_usd DOUBLE PRECISION, price_version TEXT, warnings TEXT,
      metadata TEXT, key_id TEXT, incomplete INTEGER, request_body TEXT, response_body TEXT)`,
    `CREATE INDEX IF NOT EXISTS ${table}_time ON ${table} (time, id)`,
    `CREATE INDEX IF NOT EXISTS ${table}_trace ON ${table} (trace_id)`,
    // 4: guardrail verdicts (issue #15), one JSON array per request.
    `ALTER TABLE ${table} ADD COLUMN guardrails TEXT`,
    // 5: a request's sole attempt kept in the request's row (sole-attempt.ts).
    [
      'attempt_provider TEXT', 'attempt_model TEXT', 'attempt_status INTEGER', 'attempt_error_kind TEXT', 'attempt_error_message TEXT',
      'attempt_retries INTEGER', 'attempt_total_ms DOUBLE PRECISION',
    ].map((column) => `ALTER TABLE ${table} ADD COLUMN ${column}`).join(';\n'),
  ];
}

/** Table names come from config: only plain identifiers reach SQL. */
export function checkTableName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/i.test(name)) throw new TypeError(`logs table "${name}": use letters, digits and underscores only.`);
  return name;
}
