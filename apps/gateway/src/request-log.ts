import type { RequestRecord } from '@switchyard/server';
import type { Logger } from 'pino';
import { maskSecrets } from './mask-secrets.js';

/** One structured line per request. The record carries no headers or bodies, and error text is masked. */
export function logRequest(logger: Logger, record: RequestRecord): void {
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
  if (record.status >= 500) logger.error(line, 'request');
  else if (record.status >= 400) logger.warn(line, 'request');
  else logger.info(line, 'request');
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
