import type { ChatMessage, Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { convertToOllamaMessages } from './convert-to-ollama-messages.js';

describe('convertToOllamaMessages', () => {
  it('keeps every system and developer turn in place, as system messages', () => {
    const messages: ChatMessage[] = [
      { role: 'system', content: [{ type: 'text', text: 'one' }, { type: 'text', text: 'two' }] },
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'developer', content: [{ type: 'text', text: 'later rule' }] },
    ];
    expect(convertToOllamaMessages(messages, [])).toEqual([
      { role: 'system', content: 'one\ntwo' },
      { role: 'user', content: 'hi' },
      { role: 'system', content: 'later rule' },
    ]);
  });

  it('sends images as bare base64 and refuses URLs and file ids', () => {
    const image = (source: any): ChatMessage[] => [{ role: 'user', content: [{ type: 'text', text: 'look' }, { type: 'image', source }] }];
    expect(convertToOllamaMessages(image({ type: 'base64', mediaType: 'image/jpeg', data: 'AAAA' }), [])).toEqual([{ role: 'user', content: 'look', images: ['AAAA'] }]);
    expect(() => convertToOllamaMessages(image({ type: 'url', url: 'https://example.com/a.png' }), [])).toThrow(
      expect.objectContaining({ kind: 'invalid_request', param: 'messages[0].content[1]', code: 'image_url_not_supported' }),
    );
    expect(() => convertToOllamaMessages(image({ type: 'file-id', fileId: 'file_1' }), [])).toThrow(expect.objectContaining({ kind: 'invalid_request' }));
    expect(() => convertToOllamaMessages([{ role: 'user', content: [{ type: 'audio', data: 'AA', format: 'wav' }] }], [])).toThrow(
      expect.objectContaining({ kind: 'unsupported' }),
    );
  });

  it('sends reasoning back as thinking and tool calls with object arguments; results name their tool', () => {
    const warnings: Warning[] = [];
    const messages: ChatMessage[] = [
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'let me see', signature: 'sig', provider: 'anthropic' },
          { type: 'text', text: 'calling' },
          { type: 'tool-call', id: 'call_1', name: 'get_weather', arguments: '{"city":"Oslo"}' },
          { type: 'tool-call', id: '', name: 'noop', arguments: '' },
        ],
      },
      {
        role: 'tool',
        content: [
          { type: 'tool-result', toolCallId: 'call_1', content: [{ type: 'text', text: 'cold' }], isError: true },
          { type: 'tool-result', toolCallId: 'unknown', toolName: 'given', content: [{ type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'BBBB' } }] },
        ],
      },
    ];
    expect(convertToOllamaMessages(messages, warnings)).toEqual([
      {
        role: 'assistant',
        content: 'calling',
        thinking: 'let me see',
        tool_calls: [
          { id: 'call_1', function: { name: 'get_weather', arguments: { city: 'Oslo' } } },
          { function: { name: 'noop', arguments: {} } },
        ],
      },
      { role: 'tool', content: 'cold', tool_name: 'get_weather', tool_call_id: 'call_1' },
      { role: 'tool', content: '', images: ['BBBB'], tool_name: 'given', tool_call_id: 'unknown' },
    ]);
    expect(warnings.map((warning) => warning.field)).toEqual(['messages[0].content[0]', 'messages[1].content[0].isError']);
  });

  it('refuses tool-call arguments that are not a JSON object', () => {
    const call = (text: string): ChatMessage[] => [{ role: 'assistant', content: [{ type: 'tool-call', id: 'c', name: 'f', arguments: text }] }];
    expect(() => convertToOllamaMessages(call('[1]'), [])).toThrow(expect.objectContaining({ param: 'messages[0].content[0].arguments' }));
    expect(() => convertToOllamaMessages(call('{oops'), [])).toThrow(expect.objectContaining({ kind: 'invalid_request' }));
  });

  it('warns about cache hints and refusals, which Ollama has no field for', () => {
    const warnings: Warning[] = [];
    const converted = convertToOllamaMessages(
      [
        { role: 'user', content: [{ type: 'text', text: 'hi', cache: { type: 'ephemeral' } }] },
        { role: 'assistant', content: [{ type: 'refusal', text: 'I cannot' }] },
      ],
      warnings,
    );
    expect(converted[1]).toEqual({ role: 'assistant', content: 'I cannot' });
    expect(warnings.map((warning) => warning.field)).toEqual(['messages[0].content[0].cache', 'messages[1].content[0]']);
  });
});
