import type { ChatRequest } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { buildMockReply } from './mock-reply.js';

const base: ChatRequest = { model: 'echo-1', stream: false, messages: [{ role: 'user', content: [{ type: 'text', text: 'hello there' }] }] };

describe('buildMockReply', () => {
  it('echoes the last user message with usage counted in words', () => {
    const reply = buildMockReply(base, 'id-1');
    expect(reply.content).toEqual([{ type: 'text', text: 'echo: hello there' }]);
    expect(reply.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(reply.usage).toMatchObject({ input: 2, output: 3, total: 5 });
  });

  it('calls every offered tool when asked to, with arguments for required params', () => {
    const reply = buildMockReply(
      {
        ...base,
        messages: [{ role: 'user', content: [{ type: 'text', text: 'please call tools' }] }],
        tools: [
          { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city', 'days'] } },
          { name: 'get_time', parameters: { type: 'object', properties: {} } },
        ],
      },
      'id-2',
    );
    expect(reply.content).toEqual([
      { type: 'tool-call', id: 'call_mock_0', name: 'get_weather', arguments: '{"city":"city","days":1}' },
      { type: 'tool-call', id: 'call_mock_1', name: 'get_time', arguments: '{}' },
    ]);
    expect(reply.finishReason.unified).toBe('tool-calls');
  });

  it('stops at max output tokens and says so', () => {
    const reply = buildMockReply({ ...base, maxOutputTokens: 2 }, 'id-3');
    expect(reply.content).toEqual([{ type: 'text', text: 'echo: hello' }]);
    expect(reply.finishReason.unified).toBe('length');
  });
});
