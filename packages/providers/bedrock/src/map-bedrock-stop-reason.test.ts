import { describe, expect, it } from 'vitest';
import { mapBedrockStopReason } from './map-bedrock-stop-reason.js';

describe('mapBedrockStopReason', () => {
  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool-calls'],
    ['guardrail_intervened', 'content-filter'],
    ['content_filtered', 'content-filter'],
    ['malformed_model_output', 'error'],
    ['malformed_tool_use', 'error'],
    ['something_new', 'other'],
  ] as const)('maps %s to %s and keeps the raw value', (raw, unified) => {
    expect(mapBedrockStopReason(raw)).toEqual({ unified, raw });
  });

  it('reads tool_use as a normal stop when the tool call is the structured answer', () => {
    expect(mapBedrockStopReason('tool_use', { toolUseIsAnswer: true })).toEqual({ unified: 'stop', raw: 'tool_use' });
  });

  it('has no raw value when none came', () => {
    expect(mapBedrockStopReason(undefined)).toEqual({ unified: 'other', raw: null });
  });
});
