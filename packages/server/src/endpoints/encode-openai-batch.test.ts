import type { BatchInfo, StoredBatch } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { parseBatchResultFileId } from './batch-result-file-id.js';
import { encodeOpenAIBatch } from './encode-openai-batch.js';

const record: StoredBatch = { id: 'msgbatch_1', provider: 'claude', inputFileId: 'file-in', endpoint: '/v1/chat/completions', completionWindow: '24h', metadata: { job: 'x' }, createdAt: 100, owner: '' };

function info(overrides: Partial<BatchInfo>): BatchInfo {
  return { id: 'msgbatch_1', status: 'in_progress', createdAt: 100, inProgressAt: 100, counts: { total: 3, completed: 0, failed: 0 }, ...overrides };
}

describe('encodeOpenAIBatch', () => {
  it('fills OpenAI\'s Batch object from the provider\'s state and the gateway\'s record', () => {
    expect(encodeOpenAIBatch(info({ expiresAt: 200 }), record)).toEqual({
      id: 'msgbatch_1',
      object: 'batch',
      endpoint: '/v1/chat/completions',
      errors: null,
      input_file_id: 'file-in',
      completion_window: '24h',
      status: 'in_progress',
      output_file_id: null,
      error_file_id: null,
      created_at: 100,
      in_progress_at: 100,
      expires_at: 200,
      finalizing_at: null,
      completed_at: null,
      failed_at: null,
      expired_at: null,
      cancelling_at: null,
      cancelled_at: null,
      request_counts: { total: 3, completed: 0, failed: 0 },
      metadata: { job: 'x' },
    });
  });

  it('names the output and error files once ended, each only when it has lines', () => {
    const ended = encodeOpenAIBatch(info({ status: 'completed', completedAt: 150, counts: { total: 3, completed: 2, failed: 1 } }), record);
    expect(parseBatchResultFileId(ended.output_file_id as string)).toEqual({ kind: 'output', batchId: 'msgbatch_1' });
    expect(parseBatchResultFileId(ended.error_file_id as string)).toEqual({ kind: 'errors', batchId: 'msgbatch_1' });
    const allFailed = encodeOpenAIBatch(info({ status: 'cancelled', counts: { total: 3, completed: 0, failed: 3 } }), record);
    expect(allFailed.output_file_id).toBeNull();
    expect(allFailed.error_file_id).not.toBeNull();
  });

  it('leaves what only the gateway could know null for a batch it did not create', () => {
    expect(encodeOpenAIBatch(info({}), undefined)).toMatchObject({ input_file_id: null, metadata: null, endpoint: '/v1/chat/completions' });
  });
});
