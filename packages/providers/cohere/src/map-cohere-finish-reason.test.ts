import { describe, expect, it } from 'vitest';
import { mapCohereFinishReason } from './map-cohere-finish-reason.js';

describe('mapCohereFinishReason', () => {
  it.each([
    ['COMPLETE', 'stop'],
    ['STOP_SEQUENCE', 'stop'],
    ['MAX_TOKENS', 'length'],
    ['TOOL_CALL', 'tool-calls'],
    ['ERROR', 'error'],
    ['TIMEOUT', 'other'],
    ['SOMETHING_NEW', 'other'],
  ])('%s → %s, raw kept', (raw, unified) => {
    expect(mapCohereFinishReason(raw)).toEqual({ unified, raw });
  });

  it('has a null raw when Cohere sent none', () => {
    expect(mapCohereFinishReason(undefined)).toEqual({ unified: 'other', raw: null });
  });
});
