/**
 * The Message Batches wire shapes (https://docs.claude.com/en/api/creating-message-batches),
 * read loosely: unknown fields are kept, a newer API adding some breaks nothing.
 */
export interface AnthropicMessageBatch {
  id: string;
  type?: string;
  processing_status: 'in_progress' | 'canceling' | 'ended' | (string & {});
  request_counts: { processing: number; succeeded: number; errored: number; canceled: number; expired: number };
  created_at: string;
  ended_at?: string | null;
  expires_at?: string | null;
  archived_at?: string | null;
  cancel_initiated_at?: string | null;
  results_url?: string | null;
  [key: string]: unknown;
}

export interface AnthropicMessageBatchList {
  data: AnthropicMessageBatch[];
  has_more: boolean;
  first_id?: string | null;
  last_id?: string | null;
}

/** One line of a batch's results file. */
export interface AnthropicBatchResultLine {
  custom_id: string;
  result:
    | { type: 'succeeded'; message: unknown }
    | { type: 'errored'; error: { type?: string; error?: { type?: string; message?: string } } }
    | { type: 'canceled' }
    | { type: 'expired' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a body is a MessageBatch (id, status, counts and creation time present and typed). */
export function isAnthropicMessageBatch(value: unknown): value is AnthropicMessageBatch {
  if (!isRecord(value)) return false;
  const counts = value.request_counts;
  return (
    typeof value.id === 'string' &&
    typeof value.processing_status === 'string' &&
    typeof value.created_at === 'string' &&
    isRecord(counts) &&
    ['processing', 'succeeded', 'errored', 'canceled', 'expired'].every((name) => typeof counts[name] === 'number')
  );
}

export function isAnthropicMessageBatchList(value: unknown): value is AnthropicMessageBatchList {
  return isRecord(value) && Array.isArray(value.data) && value.data.every(isAnthropicMessageBatch) && typeof value.has_more === 'boolean';
}

export function isAnthropicBatchResultLine(value: unknown): value is AnthropicBatchResultLine {
  if (!isRecord(value) || typeof value.custom_id !== 'string' || !isRecord(value.result)) return false;
  const { type } = value.result;
  if (type === 'succeeded') return isRecord(value.result.message);
  if (type === 'errored') return isRecord(value.result.error);
  return type === 'canceled' || type === 'expired';
}
