import { describe, expect, it } from 'vitest';
import { mapOllamaFinishReason } from './map-ollama-finish-reason.js';

describe('mapOllamaFinishReason', () => {
  it('maps done_reason, keeping the raw value', () => {
    expect(mapOllamaFinishReason('stop', false)).toEqual({ unified: 'stop', raw: 'stop' });
    expect(mapOllamaFinishReason('length', false)).toEqual({ unified: 'length', raw: 'length' });
    expect(mapOllamaFinishReason('load', false)).toEqual({ unified: 'other', raw: 'load' });
    expect(mapOllamaFinishReason(undefined, false)).toEqual({ unified: 'stop', raw: null });
  });

  it('calls an answer with tool calls tool-calls, as Ollama says stop', () => {
    expect(mapOllamaFinishReason('stop', true)).toEqual({ unified: 'tool-calls', raw: 'stop' });
    expect(mapOllamaFinishReason(null, true)).toEqual({ unified: 'tool-calls', raw: null });
    expect(mapOllamaFinishReason('length', true)).toEqual({ unified: 'length', raw: 'length' });
  });
});
