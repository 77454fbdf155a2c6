import type { LogRowChunk } from './log-row-chunk.js';

/**
 * One line of the request log. A request writes one `request` record, and one `attempt` record
 * per upstream attempt the router made (fallbacks, retries) sharing its `traceId`. Defined here
 * rather than imported from the server: the gateway maps its RequestRecord onto it.
 */
export interface LogRecord {
  /** Unique per record; with `time` it orders the log and makes the paging cursor. */
  id: string;
  kind: 'request' | 'attempt';
  traceId: string;
  /** Epoch milliseconds when the request reached the gateway (the attempt: when it started, if known). */
  time: number;
  method: string;
  path: string;
  format?: string;
  provider?: string;
  modelRequested?: string;
  modelAnswered?: string;
  status: number;
  errorKind?: string;
  errorMessage?: string;
  /** 0-based over the whole request (attempt records). */
  attemptIndex?: number;
  /** Retries of the winning target (request) or which retry this was (attempt). */
  retries?: number;
  attempts?: number;
  cacheStatus?: string;
  stream?: boolean;
  firstByteMs?: number;
  totalMs: number;
  /** Time spent waiting on upstreams (headers and body). */
  upstreamMs?: number;
  /** Time spent in the gateway itself: total minus upstream (and, for streams, minus waiting on the client). */
  overheadMs?: number;
  tokens?: LogTokens;
  costUsd?: number;
  /** Which price the cost came from (`provider/model@date`). */
  priceVersion?: string;
  warnings?: unknown[];
  metadata?: Record<string, string>;
  keyId?: string;
  incomplete?: boolean;
  /** Only when bodies are enabled in the config, already redacted. */
  requestBody?: string;
  responseBody?: string;
  /** Each guardrail set's verdict (input and output), with every check's outcome. */
  guardrails?: unknown[];
}

export interface LogTokens {
  input?: number;
  output?: number;
  cachedInput?: number;
  cacheWrite?: number;
  reasoning?: number;
}

/** Filters of `GET /admin/logs` and `switchyard logs`. */
export interface LogQuery {
  traceId?: string;
  kind?: 'request' | 'attempt';
  provider?: string;
  model?: string;
  status?: number;
  /** Records with an error kind (any), or of this one. */
  errorKind?: string;
  errorsOnly?: boolean;
  keyId?: string;
  /** Epoch ms bounds, inclusive. */
  since?: number;
  until?: number;
  /** Newest first, at most this many (default 50, at most 1000). */
  limit?: number;
  /** From a previous page's `nextCursor`. */
  cursor?: string;
  /** Oldest first (follow mode reads forward from a cursor). */
  order?: 'desc' | 'asc';
}

export interface LogPage {
  records: LogRecord[];
  /** Pass back as `cursor` for the next page; absent when this page is the last. */
  nextCursor?: string;
}

/** Where the log is kept. Writes come in batches from the writer, never from a request's path. */
export interface LogStore {
  /** Creates tables and indexes when missing (idempotent). */
  migrate(): Promise<void>;
  insert(records: readonly LogRecord[]): Promise<void>;
  /**
   * Rows as the batched writer queues them (log-row-chunk.ts), in order; the SQL stores take these.
   * A store without it is given the records again.
   */
  insertRows?(chunks: readonly LogRowChunk[]): Promise<void>;
  query(query: LogQuery): Promise<LogPage>;
  /** Deletes records older than the cutoff (epoch ms); answers how many. */
  deleteOlderThan(cutoff: number): Promise<number>;
  close(): Promise<void>;
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit) || limit <= 0) return 50;
  return Math.min(1000, Math.floor(limit));
}

/** The cursor is the last record's position, opaque to clients. */
export function encodeCursor(record: Pick<LogRecord, 'time' | 'id'>): string {
  return Buffer.from(`${record.time}:${record.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { time: number; id: string } | undefined {
  const text = Buffer.from(cursor, 'base64url').toString();
  const colon = text.indexOf(':');
  const time = Number(text.slice(0, colon));
  if (colon <= 0 || !Number.isFinite(time)) return undefined;
  return { time, id: text.slice(colon + 1) };
}
