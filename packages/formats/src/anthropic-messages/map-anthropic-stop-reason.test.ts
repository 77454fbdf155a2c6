import { describe, expect, it } from 'vitest';
import { decodeAnthropicStopReason, encodeAnthropicStopReason } from './map-anthropic-stop-reason.js';

describe('decodeAnthropicStopReason', () => {
  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool-calls'],
    ['refusal', 'content-filter'],
    ['pause_turn', 'other'],
    ['something_new', 'other'],
  ] as const)('%s -> %s, raw kept', (raw, unified) => {
    expect(decodeAnthropicStopReason(raw)).toEqual({ unified, raw });
  });

  it('maps a missing stop reason to other with a null raw', () => {
    expect(decodeAnthropicStopReason(null)).toEqual({ unified: 'other', raw: null });
    expect(decodeAnthropicStopReason(undefined)).toEqual({ unified: 'other', raw: null });
  });
});

describe('encodeAnthropicStopReason', () => {
  it('keeps an Anthropic raw word that agrees with the unified reason', () => {
    expect(encodeAnthropicStopReason({ unified: 'stop', raw: 'stop_sequence' })).toBe('stop_sequence');
    expect(encodeAnthropicStopReason({ unified: 'other', raw: 'pause_turn' })).toBe('pause_turn');
    expect(encodeAnthropicStopReason({ unified: 'length', raw: 'model_context_window_exceeded' })).toBe('model_context_window_exceeded');
  });

  it("translates another provider's words from the unified reason", () => {
    expect(encodeAnthropicStopReason({ unified: 'stop', raw: 'stop' })).toBe('end_turn');
    expect(encodeAnthropicStopReason({ unified: 'length', raw: 'length' })).toBe('max_tokens');
    expect(encodeAnthropicStopReason({ unified: 'tool-calls', raw: 'tool_calls' })).toBe('tool_use');
    expect(encodeAnthropicStopReason({ unified: 'content-filter', raw: 'content_filter' })).toBe('refusal');
    expect(encodeAnthropicStopReason({ unified: 'other', raw: null })).toBe('end_turn');
    expect(encodeAnthropicStopReason({ unified: 'error', raw: 'error' })).toBe('end_turn');
  });

  it('does not keep an Anthropic word the unified reason contradicts', () => {
    expect(encodeAnthropicStopReason({ unified: 'length', raw: 'end_turn' })).toBe('max_tokens');
  });
});
