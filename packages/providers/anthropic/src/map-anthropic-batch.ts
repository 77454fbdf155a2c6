import type { BatchInfo, BatchResultItem, BatchStatus, ChatResponse } from '@switchyard/core';
import type { AnthropicBatchResultLine, AnthropicMessageBatch } from './anthropic-batch-api.js';

/** ISO 8601 → Unix seconds, as OpenAI's batch object counts time. */
function unixSeconds(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const millis = Date.parse(iso);
  return Number.isNaN(millis) ? undefined : Math.floor(millis / 1000);
}

/**
 * Anthropic's three processing states onto OpenAI's batch lifecycle. An ended batch is
 * `cancelled` when a cancel was asked for or every request was canceled, `expired` when every
 * request that ended did so by expiring, and `completed` otherwise (OpenAI, too, calls a batch
 * whose requests all failed "completed" and lists the failures in its error file).
 */
export function mapAnthropicBatchStatus(batch: AnthropicMessageBatch): BatchStatus {
  const { succeeded, errored, canceled, expired } = batch.request_counts;
  switch (batch.processing_status) {
    case 'in_progress':
      return 'in_progress';
    case 'canceling':
      return 'cancelling';
    case 'ended':
      if (batch.cancel_initiated_at || (canceled > 0 && succeeded + errored + expired === 0)) return 'cancelled';
      if (expired > 0 && succeeded + errored + canceled === 0) return 'expired';
      return 'completed';
    default:
      // A state this adapter does not know yet: still running is the safe reading.
      return 'in_progress';
  }
}

/**
 * A MessageBatch → BatchInfo. Counts: `completed` is what succeeded; `failed` is what errored,
 * expired or was canceled — each of those lands in the error file, as at OpenAI.
 */
export function mapAnthropicBatch(batch: AnthropicMessageBatch): BatchInfo {
  const { processing, succeeded, errored, canceled, expired } = batch.request_counts;
  const status = mapAnthropicBatchStatus(batch);
  const createdAt = unixSeconds(batch.created_at) ?? 0;
  const endedAt = unixSeconds(batch.ended_at);
  const info: BatchInfo = {
    id: batch.id,
    status,
    createdAt,
    // Anthropic starts a batch as soon as it accepts it: there is no separate validation step.
    inProgressAt: createdAt,
    counts: { total: processing + succeeded + errored + canceled + expired, completed: succeeded, failed: errored + canceled + expired },
    rawStatus: batch.processing_status,
  };
  const expiresAt = unixSeconds(batch.expires_at);
  if (expiresAt !== undefined) info.expiresAt = expiresAt;
  const cancellingAt = unixSeconds(batch.cancel_initiated_at);
  if (cancellingAt !== undefined) info.cancellingAt = cancellingAt;
  if (endedAt !== undefined) {
    if (status === 'cancelled') info.cancelledAt = endedAt;
    else if (status === 'expired') info.expiredAt = endedAt;
    else info.completedAt = endedAt;
    info.finalizingAt = endedAt;
  }
  return info;
}

/**
 * One results line → BatchResultItem. Errored requests carry Anthropic's error body; canceled
 * and expired ones get the codes OpenAI uses for the same fates in its error file.
 */
export function mapAnthropicBatchResult(line: AnthropicBatchResultLine, decodeMessage: (message: unknown) => ChatResponse): BatchResultItem {
  const { result } = line;
  switch (result.type) {
    case 'succeeded':
      return { customId: line.custom_id, response: decodeMessage(result.message) };
    case 'errored': {
      const inner = result.error.error ?? {};
      return {
        customId: line.custom_id,
        error: { status: statusForAnthropicErrorType(inner.type), code: inner.type, message: inner.message ?? 'The request failed.' },
      };
    }
    case 'canceled':
      return { customId: line.custom_id, error: { code: 'batch_cancelled', message: 'The batch was cancelled before this request was processed.' } };
    case 'expired':
      return { customId: line.custom_id, error: { code: 'batch_expired', message: 'The batch expired before this request was processed.' } };
  }
}

/** https://docs.claude.com/en/api/errors: the HTTP status each error type stands for. */
function statusForAnthropicErrorType(type: string | undefined): number | undefined {
  const statuses: Record<string, number> = {
    invalid_request_error: 400,
    authentication_error: 401,
    billing_error: 402,
    permission_error: 403,
    not_found_error: 404,
    request_too_large: 413,
    rate_limit_error: 429,
    api_error: 500,
    timeout_error: 504,
    overloaded_error: 529,
  };
  return type === undefined ? undefined : statuses[type];
}
