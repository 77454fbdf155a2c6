import type { ChatRequest } from '../canonical/chat-request.js';
import type { ChatResponse } from '../canonical/chat-response.js';
import type { ProviderCallContext } from '../provider/provider-adapter.js';

/** One line of a batch: a chat request and the id the client gave it. */
export interface BatchItem {
  customId: string;
  request: ChatRequest;
}

/** OpenAI's batch lifecycle; adapters map their provider's states onto it. */
export type BatchStatus = 'validating' | 'failed' | 'in_progress' | 'finalizing' | 'completed' | 'expired' | 'cancelling' | 'cancelled';

/** A batch as a provider with its own batch API reports it (times in Unix seconds). */
export interface BatchInfo {
  /** The provider's batch id (`msgbatch_…`), kept as is. */
  id: string;
  status: BatchStatus;
  createdAt: number;
  inProgressAt?: number;
  finalizingAt?: number;
  completedAt?: number;
  failedAt?: number;
  expiredAt?: number;
  expiresAt?: number;
  cancellingAt?: number;
  cancelledAt?: number;
  counts: { total: number; completed: number; failed: number };
  /** The provider's own status word, kept beside the mapped one. */
  rawStatus?: string;
}

/** One result line: the answer, or why that request failed. */
export interface BatchResultItem {
  customId: string;
  response?: ChatResponse;
  error?: { status?: number; code?: string; message: string };
}

/**
 * A provider's own batch API, driven with canonical chat requests. The gateway reads the
 * client's OpenAI-format input file, decodes each line, and turns results back into OpenAI's
 * output file format; the adapter only speaks its provider's batch endpoints.
 */
export interface BatchOperations {
  create(input: { items: BatchItem[] }, context: ProviderCallContext): Promise<BatchInfo>;
  retrieve(id: string, context: ProviderCallContext): Promise<BatchInfo>;
  list(
    page: { after?: string; limit?: number },
    context: ProviderCallContext,
  ): Promise<{ batches: BatchInfo[]; hasMore: boolean }>;
  cancel(id: string, context: ProviderCallContext): Promise<BatchInfo>;
  /** The results of an ended batch, streamed (a batch can hold 100k answers). */
  results(id: string, context: ProviderCallContext): Promise<AsyncIterable<BatchResultItem>>;
}
