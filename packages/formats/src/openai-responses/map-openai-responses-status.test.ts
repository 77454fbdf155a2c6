import { describe, expect, it } from 'vitest';
import { decodeOpenAIResponsesFinishReason, encodeOpenAIResponsesStatus } from './map-openai-responses-status.js';

describe('status ↔ finish reason', () => {
  it('decodes the status, the incomplete reason and whether a function was called', () => {
    expect(decodeOpenAIResponsesFinishReason('completed', null, false)).toEqual({ unified: 'stop', raw: 'completed' });
    expect(decodeOpenAIResponsesFinishReason('completed', null, true)).toEqual({ unified: 'tool-calls', raw: 'completed' });
    expect(decodeOpenAIResponsesFinishReason('incomplete', 'max_output_tokens', false)).toEqual({ unified: 'length', raw: 'max_output_tokens' });
    expect(decodeOpenAIResponsesFinishReason('incomplete', 'content_filter', false)).toEqual({ unified: 'content-filter', raw: 'content_filter' });
    expect(decodeOpenAIResponsesFinishReason('failed', null, false)).toEqual({ unified: 'error', raw: 'failed' });
    expect(decodeOpenAIResponsesFinishReason('in_progress', null, false)).toEqual({ unified: 'other', raw: 'in_progress' });
  });

  it('encodes length and content filtering as incomplete, errors as failed, the rest as completed', () => {
    expect(encodeOpenAIResponsesStatus({ unified: 'stop', raw: 'end_turn' })).toEqual({ status: 'completed', incompleteDetails: null });
    expect(encodeOpenAIResponsesStatus({ unified: 'tool-calls', raw: 'tool_use' })).toEqual({ status: 'completed', incompleteDetails: null });
    expect(encodeOpenAIResponsesStatus({ unified: 'length', raw: 'max_tokens' })).toEqual({ status: 'incomplete', incompleteDetails: { reason: 'max_output_tokens' } });
    expect(encodeOpenAIResponsesStatus({ unified: 'content-filter', raw: 'refusal' })).toEqual({ status: 'incomplete', incompleteDetails: { reason: 'content_filter' } });
    expect(encodeOpenAIResponsesStatus({ unified: 'error', raw: 'error' })).toEqual({ status: 'failed', incompleteDetails: null });
    expect(encodeOpenAIResponsesStatus({ unified: 'other', raw: 'pause_turn' })).toEqual({ status: 'completed', incompleteDetails: null });
  });
});
