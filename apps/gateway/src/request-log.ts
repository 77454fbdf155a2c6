import type { RequestRecord } from '@switchyard/server';
import type { Logger } from 'pino';
import { maskSecrets } from './mask-secrets.js';

/** One structured line per request. The record carries no headers or bodies, and error text is masked. */
export function logRequest(logger: Logger, record: RequestRecord): void {
  const level = record.status >= 500 ? 'error' : record.status >= 400 ? 'warn' : 'info';
  // At a level that drops the line (LOG_LEVEL=warn, silent), the line is not built either: every
  // request would otherwise make a 19-field object, and mask its error text, for nothing.
  if (!logger.isLevelEnabled(level)) return;
  const line = {
    trace_id: record.traceId,
    method: record.method,
    path: record.path,
    format: record.format,
    provider: record.provider,
    model: record.modelRequested,
    model_answered: record.modelAnswered,
    status: record.status,
    stream: record.stream,
    passthrough: record.passthrough,
    first_byte_ms: record.firstByteMs === undefined ? undefined : round(record.firstByteMs),
    total_ms: round(record.totalMs),
    tokens_in: record.usage?.input,
    tokens_out: record.usage?.output,
    error_kind: record.errorKind,
    error: record.errorMessage === undefined ? undefined : maskSecrets(record.errorMessage),
    warnings: record.warnings.length > 0 ? record.warnings : undefined,
    incomplete: record.incomplete || undefined,
    // Each guardrail set's verdict with its checks' explanations (categories and counts, never the values found).
    guardrails: record.guardrails,
  };
  logger[level](line, 'request');
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
