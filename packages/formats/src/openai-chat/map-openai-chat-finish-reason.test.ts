import { describe, expect, it } from 'vitest';
import { decodeOpenAIChatFinishReason, encodeOpenAIChatFinishReason } from './map-openai-chat-finish-reason.js';

describe('finish reasons', () => {
  it('decodes OpenAI reasons, keeping the raw word', () => {
    expect(decodeOpenAIChatFinishReason('stop')).toEqual({ unified: 'stop', raw: 'stop' });
    expect(decodeOpenAIChatFinishReason('length')).toEqual({ unified: 'length', raw: 'length' });
    expect(decodeOpenAIChatFinishReason('tool_calls')).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
    expect(decodeOpenAIChatFinishReason('function_call')).toEqual({ unified: 'tool-calls', raw: 'function_call' });
    expect(decodeOpenAIChatFinishReason('content_filter')).toEqual({ unified: 'content-filter', raw: 'content_filter' });
    expect(decodeOpenAIChatFinishReason('insufficient_system_resource')).toEqual({
      unified: 'other',
      raw: 'insufficient_system_resource',
    });
    expect(decodeOpenAIChatFinishReason(null)).toEqual({ unified: 'other', raw: null });
  });

  it('encodes from the unified reason, passing on a raw word only where OpenAI has none', () => {
    expect(encodeOpenAIChatFinishReason({ unified: 'stop', raw: 'end_turn' })).toBe('stop');
    expect(encodeOpenAIChatFinishReason({ unified: 'length', raw: 'max_tokens' })).toBe('length');
    expect(encodeOpenAIChatFinishReason({ unified: 'tool-calls', raw: 'tool_use' })).toBe('tool_calls');
    expect(encodeOpenAIChatFinishReason({ unified: 'tool-calls', raw: 'function_call' })).toBe('tool_calls');
    expect(encodeOpenAIChatFinishReason({ unified: 'content-filter', raw: 'SAFETY' })).toBe('content_filter');
    expect(encodeOpenAIChatFinishReason({ unified: 'other', raw: 'pause_turn' })).toBe('pause_turn');
    expect(encodeOpenAIChatFinishReason({ unified: 'other', raw: null })).toBe('stop');
  });
});
