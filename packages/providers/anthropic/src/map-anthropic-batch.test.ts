import { describe, expect, it } from 'vitest';
import type { AnthropicMessageBatch } from './anthropic-batch-api.js';
import { mapAnthropicBatch, mapAnthropicBatchResult, mapAnthropicBatchStatus } from './map-anthropic-batch.js';

function batch(overrides: Partial<AnthropicMessageBatch> & { counts?: Partial<AnthropicMessageBatch['request_counts']> } = {}): AnthropicMessageBatch {
  const { counts, ...rest } = overrides;
  return {
    id: 'msgbatch_01',
    processing_status: 'ended',
    request_counts: { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0, ...counts },
    created_at: '2025-01-02T03:04:05.000Z',
    ended_at: '2025-01-02T04:00:00Z',
    expires_at: '2025-01-03T03:04:05Z',
    cancel_initiated_at: null,
    ...rest,
  };
}

describe('mapAnthropicBatchStatus', () => {
  it.each([
    ['in_progress', {}, null, 'in_progress'],
    ['canceling', {}, '2025-01-02T03:10:00Z', 'cancelling'],
    ['ended', { succeeded: 2, errored: 1 }, null, 'completed'],
    ['ended', { errored: 3 }, null, 'completed'],
    ['ended', { canceled: 3 }, null, 'cancelled'],
    ['ended', { succeeded: 1, canceled: 2 }, '2025-01-02T03:10:00Z', 'cancelled'],
    ['ended', { expired: 2 }, null, 'expired'],
    ['ended', { succeeded: 1, expired: 2 }, null, 'completed'],
  ] as const)('%s with %o (cancel at %s) → %s', (status, counts, cancelAt, expected) => {
    expect(mapAnthropicBatchStatus(batch({ processing_status: status, counts, cancel_initiated_at: cancelAt }))).toBe(expected);
  });
});

describe('mapAnthropicBatch', () => {
  it('turns ISO times into Unix seconds and counts into OpenAI totals', () => {
    const info = mapAnthropicBatch(batch({ counts: { succeeded: 5, errored: 1, expired: 1, canceled: 1 } }));
    expect(info).toEqual({
      id: 'msgbatch_01',
      status: 'completed',
      rawStatus: 'ended',
      createdAt: Date.UTC(2025, 0, 2, 3, 4, 5) / 1000,
      inProgressAt: Date.UTC(2025, 0, 2, 3, 4, 5) / 1000,
      expiresAt: Date.UTC(2025, 0, 3, 3, 4, 5) / 1000,
      finalizingAt: Date.UTC(2025, 0, 2, 4) / 1000,
      completedAt: Date.UTC(2025, 0, 2, 4) / 1000,
      counts: { total: 8, completed: 5, failed: 3 },
    });
  });

  it('puts the end time on cancelledAt for a cancelled batch and keeps when the cancel was asked', () => {
    const info = mapAnthropicBatch(batch({ counts: { canceled: 2 }, cancel_initiated_at: '2025-01-02T03:30:00Z' }));
    expect(info.cancellingAt).toBe(Date.UTC(2025, 0, 2, 3, 30) / 1000);
    expect(info.cancelledAt).toBe(Date.UTC(2025, 0, 2, 4) / 1000);
    expect(info.completedAt).toBeUndefined();
  });

  it('has no end times while running', () => {
    const info = mapAnthropicBatch(batch({ processing_status: 'in_progress', ended_at: null, counts: { processing: 4 } }));
    expect(info).toMatchObject({ status: 'in_progress', counts: { total: 4, completed: 0, failed: 0 } });
    expect(info.completedAt).toBeUndefined();
    expect(info.finalizingAt).toBeUndefined();
  });
});

describe('mapAnthropicBatchResult', () => {
  const decode = (message: unknown) => ({ decoded: message }) as never;

  it('decodes a succeeded message with the given decoder', () => {
    expect(mapAnthropicBatchResult({ custom_id: 'a', result: { type: 'succeeded', message: { id: 'msg_1' } } }, decode)).toEqual({
      customId: 'a',
      response: { decoded: { id: 'msg_1' } },
    });
  });

  it('keeps an errored request\'s type, message and status', () => {
    const line = { custom_id: 'b', result: { type: 'errored' as const, error: { type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' } } } };
    expect(mapAnthropicBatchResult(line, decode)).toEqual({ customId: 'b', error: { status: 400, code: 'invalid_request_error', message: 'max_tokens: Field required' } });
  });

  it('gives canceled and expired requests OpenAI\'s codes', () => {
    expect(mapAnthropicBatchResult({ custom_id: 'c', result: { type: 'canceled' } }, decode).error?.code).toBe('batch_cancelled');
    expect(mapAnthropicBatchResult({ custom_id: 'd', result: { type: 'expired' } }, decode).error?.code).toBe('batch_expired');
  });
});
