import { type ChatMessage, GatewayError, type Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { convertToCohereMessages } from './convert-to-cohere-messages.js';

function convert(messages: ChatMessage[]) {
  const warnings: Warning[] = [];
  return { messages: convertToCohereMessages(messages, warnings), warnings };
}

describe('convertToCohereMessages', () => {
  it('keeps every system and developer message in place, one text part as a string', () => {
    const { messages, warnings } = convert([
      { role: 'system', content: [{ type: 'text', text: 'be brief' }] },
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'developer', content: [{ type: 'text', text: 'in English' }, { type: 'text', text: 'politely' }] },
    ]);
    expect(messages).toEqual([
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'hi' },
      { role: 'system', content: [{ type: 'text', text: 'in English' }, { type: 'text', text: 'politely' }] },
    ]);
    expect(warnings).toEqual([]);
  });

  it('sends images as image_url blocks: base64 as a data URI, URLs as given, detail kept', () => {
    const { messages } = convert([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'what is this' },
          { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'iVBOR' } },
          { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' }, detail: 'low' },
        ],
      },
    ]);
    expect(messages[0]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'what is this' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR' } },
        { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg', detail: 'low' } },
      ],
    });
  });

  it('refuses files, audio and file ids with the part named', () => {
    const file = () => convert([{ role: 'user', content: [{ type: 'file', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBER' } }] }]);
    expect(file).toThrow(/messages\[0\]\.content\[0\]: Cohere chat takes no files/);
    const audio = () => convert([{ role: 'user', content: [{ type: 'audio', data: 'UklGR', format: 'wav' }] }]);
    expect(audio).toThrow(/audio/);
    try {
      convert([{ role: 'user', content: [{ type: 'image', source: { type: 'file-id', fileId: 'file-1' } }] }]);
      expect.unreachable();
    } catch (error) {
      expect(GatewayError.isInstance(error) && error.kind).toBe('unsupported');
      expect(GatewayError.isInstance(error) && error.param).toBe('messages[0].content[0]');
    }
  });

  it('sends reasoning of a tool-calling turn as its tool_plan, with the calls', () => {
    const { messages } = convert([
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'I will look up the weather.', provider: 'cohere' },
          { type: 'tool-call', id: 'weather_1', name: 'weather', arguments: '{"city":"Paris"}' },
          { type: 'tool-call', id: 'time_2', name: 'time', arguments: '{}' },
        ],
      },
      {
        role: 'tool',
        content: [
          { type: 'tool-result', toolCallId: 'weather_1', content: [{ type: 'text', text: 'sunny' }] },
          { type: 'tool-result', toolCallId: 'time_2', content: [{ type: 'text', text: 'noon' }] },
        ],
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'assistant',
        tool_plan: 'I will look up the weather.',
        tool_calls: [
          { id: 'weather_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
          { id: 'time_2', type: 'function', function: { name: 'time', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'weather_1', content: [{ type: 'text', text: 'sunny' }] },
      { role: 'tool', tool_call_id: 'time_2', content: [{ type: 'text', text: 'noon' }] },
    ]);
  });

  it('sends reasoning of a text turn as thinking blocks in place', () => {
    const { messages, warnings } = convert([
      { role: 'assistant', content: [{ type: 'reasoning', text: 'hmm' }, { type: 'text', text: 'answer' }] },
    ]);
    expect(messages).toEqual([{ role: 'assistant', content: [{ type: 'thinking', thinking: 'hmm' }, { type: 'text', text: 'answer' }] }]);
    expect(warnings).toEqual([]);
  });

  it('warns about what has no Cohere form: signatures, redacted reasoning, names, error flags, cache hints, refusals', () => {
    const { messages, warnings } = convert([
      { role: 'user', name: 'ann', content: [{ type: 'text', text: 'hi', cache: { type: 'ephemeral' } }] },
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'signed', signature: 'sig', provider: 'anthropic' },
          { type: 'refusal', text: 'no' },
        ],
      },
      { role: 'assistant', content: [{ type: 'reasoning', text: '', redactedData: 'xyz', provider: 'anthropic' }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', isError: true, content: [] }] },
    ]);
    expect(messages).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: [{ type: 'thinking', thinking: 'signed' }, { type: 'text', text: 'no' }] },
      { role: 'tool', tool_call_id: 'c1', content: '' },
    ]);
    expect(warnings.map((warning) => warning.field)).toEqual([
      'messages[0].name',
      'messages[1].content[0]',
      'messages[1].content[1]',
      'messages[2].content[0]',
      'messages[2]',
      'messages[3].content[0].isError',
      'cache',
    ]);
  });

  it('refuses non-text tool results', () => {
    expect(() =>
      convert([{ role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', content: [{ type: 'image', source: { type: 'url', url: 'https://x/y.png' } }] }] }]),
    ).toThrow(/tool results take text only/);
  });
});
