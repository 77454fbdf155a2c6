import type { BatchInfo, StoredBatch } from '@switchyard/core';
import { batchResultFileId } from './batch-result-file-id.js';

const endedStatuses = new Set(['completed', 'cancelled', 'expired', 'failed']);

/**
 * A provider's batch as OpenAI's Batch object. The record the gateway kept when it created the
 * batch supplies what the provider does not know (input file, endpoint, metadata); a batch made
 * elsewhere has none, and those fields are null rather than invented. Once the batch has ended,
 * `output_file_id` / `error_file_id` name files whose content the gateway makes from the results.
 */
export function encodeOpenAIBatch(info: BatchInfo, record: StoredBatch | undefined): Record<string, unknown> {
  const ended = endedStatuses.has(info.status);
  return {
    id: info.id,
    object: 'batch',
    endpoint: record?.endpoint ?? '/v1/chat/completions',
    errors: null,
    input_file_id: record?.inputFileId ?? null,
    completion_window: record?.completionWindow ?? '24h',
    status: info.status,
    output_file_id: ended && info.counts.completed > 0 ? batchResultFileId('output', info.id) : null,
    error_file_id: ended && info.counts.failed > 0 ? batchResultFileId('errors', info.id) : null,
    created_at: info.createdAt,
    in_progress_at: info.inProgressAt ?? null,
    expires_at: info.expiresAt ?? null,
    finalizing_at: info.finalizingAt ?? null,
    completed_at: info.completedAt ?? null,
    failed_at: info.failedAt ?? null,
    expired_at: info.expiredAt ?? null,
    cancelling_at: info.cancellingAt ?? null,
    cancelled_at: info.cancelledAt ?? null,
    request_counts: { total: info.counts.total, completed: info.counts.completed, failed: info.counts.failed },
    metadata: record?.metadata ?? null,
  };
}
