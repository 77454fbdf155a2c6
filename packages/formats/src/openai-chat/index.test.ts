import { describe, expect, it } from 'vitest';
import { openAIChatCodec } from '../index.js';

describe('openAIChatCodec', () => {
  it('wires all four directions of Chat Completions', () => {
    expect(openAIChatCodec.format).toBe('openai-chat');
    const { request } = openAIChatCodec.decodeRequest({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true });
    expect(openAIChatCodec.encodeRequest(request).body).toMatchObject({ model: 'm', stream: true });
    const response = openAIChatCodec.decodeResponse({
      id: 'c',
      model: 'm',
      created: 1,
      choices: [{ index: 0, message: { role: 'assistant', content: 'hello' }, finish_reason: 'stop' }],
    });
    expect(openAIChatCodec.encodeResponse(response)).toMatchObject({ object: 'chat.completion', choices: [{ message: { content: 'hello' } }] });
    const decoder = openAIChatCodec.createStreamDecoder();
    const encoder = openAIChatCodec.createStreamEncoder();
    const events = decoder.decode({ data: JSON.stringify({ id: 'c', model: 'm', created: 1, choices: [{ index: 0, delta: { content: 'x' } }] }) });
    expect(events.map((event) => encoder.encode(event)).join('')).toContain('"content":"x"');
    expect(openAIChatCodec.encodeError({ kind: 'rate_limit', status: 429, message: 'slow' }).status).toBe(429);
  });
});
