import { describe, expect, it } from 'vitest';
import * as formats from '../index.js';
import { anthropicMessagesCodec } from './index.js';

describe('anthropicMessagesCodec', () => {
  it('is exported from the package with the anthropic-messages format', () => {
    expect(formats.anthropicMessagesCodec).toBe(anthropicMessagesCodec);
    expect(anthropicMessagesCodec.format).toBe('anthropic-messages');
  });

  it('round-trips a request through all four directions', () => {
    const body = {
      model: 'claude-sonnet-4-5',
      max_tokens: 256,
      system: [{ type: 'text', text: 'terse' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      stream: false,
    };
    const { request } = anthropicMessagesCodec.decodeRequest(body);
    expect(anthropicMessagesCodec.encodeRequest(request).body).toEqual(body);

    const answer = {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [{ type: 'text', text: 'hello' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 3, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1 },
    };
    expect(anthropicMessagesCodec.encodeResponse(anthropicMessagesCodec.decodeResponse(answer))).toEqual(answer);
    expect(anthropicMessagesCodec.encodeError({ kind: 'rate_limit', status: 429, message: 'slow' })).toEqual({
      status: 429,
      body: { type: 'error', error: { type: 'rate_limit_error', message: 'slow' } },
    });
  });
});
