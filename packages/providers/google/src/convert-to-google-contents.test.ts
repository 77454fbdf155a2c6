import { type ChatMessage, GatewayError, type Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { convertToGoogleContents } from './convert-to-google-contents.js';
import { googleToolCallId } from './google-tool-call-id.js';

function convert(messages: ChatMessage[]) {
  const warnings: Warning[] = [];
  return { ...convertToGoogleContents(messages, warnings), warnings };
}

describe('convertToGoogleContents', () => {
  it('puts every system and developer message, in order, into systemInstruction', () => {
    const { contents, systemInstruction, warnings } = convert([
      { role: 'system', content: [{ type: 'text', text: 'one' }] },
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'developer', content: [{ type: 'text', text: 'two' }, { type: 'text', text: 'three' }] },
    ]);
    expect(systemInstruction).toEqual({ parts: [{ text: 'one' }, { text: 'two' }, { text: 'three' }] });
    expect(contents).toEqual([{ role: 'user', parts: [{ text: 'hi' }] }]);
    expect(warnings).toEqual([]);
  });

  it('uses the roles user and model and merges consecutive turns of one role', () => {
    const { contents } = convert([
      { role: 'user', content: [{ type: 'text', text: 'a' }] },
      { role: 'user', content: [{ type: 'text', text: 'b' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'c' }] },
      { role: 'assistant', content: [] },
      { role: 'assistant', content: [{ type: 'refusal', text: 'd' }] },
      { role: 'user', content: [{ type: 'text', text: 'e' }] },
    ]);
    expect(contents).toEqual([
      { role: 'user', parts: [{ text: 'a' }, { text: 'b' }] },
      { role: 'model', parts: [{ text: 'c' }, { text: 'd' }] },
      { role: 'user', parts: [{ text: 'e' }] },
    ]);
  });

  it('sends tool calls as functionCall parts and results as functionResponse parts in one user turn', () => {
    const { contents } = convert([
      { role: 'user', content: [{ type: 'text', text: 'weather and time?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'tool-call', id: 'call_r_0', name: 'get_weather', arguments: '{"city":"Paris"}' },
          { type: 'tool-call', id: 'call_r_1', name: 'get_time', arguments: '' },
        ],
      },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_r_0', content: [{ type: 'text', text: '{"temp":21}' }] }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_r_1', content: [{ type: 'text', text: '12:00' }] }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'x', toolName: 'explicit', isError: true, content: [{ type: 'text', text: 'boom' }] }] },
    ]);
    expect(contents).toEqual([
      { role: 'user', parts: [{ text: 'weather and time?' }] },
      {
        role: 'model',
        parts: [
          { functionCall: { name: 'get_weather', args: { city: 'Paris' }, id: 'call_r_0' } },
          { functionCall: { name: 'get_time', args: {}, id: 'call_r_1' } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'get_weather', response: { temp: 21 }, id: 'call_r_0' } },
          { functionResponse: { name: 'get_time', response: { output: '12:00' }, id: 'call_r_1' } },
          { functionResponse: { name: 'explicit', response: { error: 'boom' }, id: 'x' } },
        ],
      },
    ]);
  });

  it('refuses a tool result whose function name cannot be found', () => {
    let caught: unknown;
    try {
      convert([{ role: 'tool', content: [{ type: 'tool-result', toolCallId: 'unknown', content: [] }] }]);
    } catch (error) {
      caught = error;
    }
    expect(GatewayError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ kind: 'invalid_request', param: 'messages[0].content[0]' });
  });

  it('sends inline media in a tool result as functionResponse.parts', () => {
    const { contents } = convert([
      { role: 'assistant', content: [{ type: 'tool-call', id: 'c1', name: 'screenshot', arguments: '{}' }] },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c1',
            content: [
              { type: 'text', text: 'done' },
              { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: 'iVBOR' } },
            ],
          },
        ],
      },
    ]);
    expect(contents[1]!.parts[0]).toEqual({
      functionResponse: { name: 'screenshot', response: { output: 'done' }, id: 'c1', parts: [{ inlineData: { mimeType: 'image/png', data: 'iVBOR' } }] },
    });
  });

  it('puts a reasoning signature back on the part after it, and never resends thought text', () => {
    const { contents, warnings } = convert([
      { role: 'user', content: [{ type: 'text', text: 'q' }] },
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'let me think', provider: 'google' },
          { type: 'reasoning', text: '', signature: 'SIG_TEXT', provider: 'google' },
          { type: 'text', text: 'answer' },
          { type: 'reasoning', text: '', signature: 'SIG_CALL', provider: 'google' },
          { type: 'tool-call', id: 'call_a_0', name: 'f', arguments: '{}' },
          { type: 'tool-call', id: 'call_a_1', name: 'g', arguments: '{}' },
          { type: 'reasoning', text: '', signature: 'SIG_LAST', provider: 'google' },
        ],
      },
    ]);
    expect(contents[1]).toEqual({
      role: 'model',
      parts: [
        { text: 'answer', thoughtSignature: 'SIG_TEXT' },
        { functionCall: { name: 'f', args: {}, id: 'call_a_0' }, thoughtSignature: 'SIG_CALL' },
        { functionCall: { name: 'g', args: {}, id: 'call_a_1' } },
        { text: '', thoughtSignature: 'SIG_LAST' },
      ],
    });
    expect(warnings).toEqual([]);
  });

  it('restores a signature carried in the tool-call id, and matches the result by the full id', () => {
    const id = googleToolCallId('call_resp_0', 'c2lnbmF0dXJl+/8=');
    const { contents } = convert([
      { role: 'assistant', content: [{ type: 'tool-call', id, name: 'lookup', arguments: '{"q":1}' }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: id, content: [{ type: 'text', text: 'ok' }] }] },
    ]);
    expect(contents).toEqual([
      { role: 'model', parts: [{ functionCall: { name: 'lookup', args: { q: 1 }, id: 'call_resp_0' }, thoughtSignature: 'c2lnbmF0dXJl+/8=' }] },
      { role: 'user', parts: [{ functionResponse: { name: 'lookup', response: { output: 'ok' }, id: 'call_resp_0' } }] },
    ]);
  });

  it('drops signatures of other providers or of unknown origin, with a warning', () => {
    const { contents, warnings } = convert([
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'hm', signature: 'anthropic-sig', provider: 'anthropic' },
          { type: 'reasoning', text: 'hm', signature: 'who-knows' },
          { type: 'reasoning', text: '', redactedData: 'opaque', provider: 'anthropic' },
          { type: 'text', text: 'hi' },
        ],
      },
    ]);
    expect(contents).toEqual([{ role: 'model', parts: [{ text: 'hi' }] }]);
    expect(warnings.map((warning) => warning.field)).toEqual(['messages[0].content[0]', 'messages[0].content[1]', 'messages[0].content[2]']);
  });

  it('maps images, PDFs and audio: inline data, fetchable URLs, Files API ids', () => {
    const { contents } = convert([
      {
        role: 'user',
        content: [
          { type: 'image', source: { type: 'base64', mediaType: 'image/jpeg', data: '/9j/4AAQ' } },
          { type: 'image', source: { type: 'url', url: 'https://example.com/cat.PNG?sig=secret' } },
          { type: 'image', source: { type: 'url', url: 'gs://bucket/photo.webp' } },
          { type: 'image', source: { type: 'url', url: 'data:image/gif;base64,R0lGOD' } },
          { type: 'file', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0' }, mediaType: 'application/pdf' },
          { type: 'file', source: { type: 'file-id', fileId: 'files/abc-123' }, mediaType: 'application/pdf' },
          { type: 'file', source: { type: 'url', url: 'https://generativelanguage.googleapis.com/v1beta/files/xyz' } },
          { type: 'audio', data: 'UklGR', format: 'wav' },
        ],
      },
    ]);
    expect(contents[0]!.parts).toEqual([
      { inlineData: { mimeType: 'image/jpeg', data: '/9j/4AAQ' } },
      { fileData: { fileUri: 'https://example.com/cat.PNG?sig=secret', mimeType: 'image/png' } },
      { fileData: { fileUri: 'gs://bucket/photo.webp', mimeType: 'image/webp' } },
      { inlineData: { mimeType: 'image/gif', data: 'R0lGOD' } },
      { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0' } },
      { fileData: { fileUri: 'https://generativelanguage.googleapis.com/v1beta/files/abc-123', mimeType: 'application/pdf' } },
      { fileData: { fileUri: 'https://generativelanguage.googleapis.com/v1beta/files/xyz' } },
      { inlineData: { mimeType: 'audio/wav', data: 'UklGR' } },
    ]);
  });

  it.each([
    ['https://example.com/image?id=7&token=secret', /media type/],
    ['http://example.com/cat.png', /https/],
    ['ftp://example.com/cat.png', /https/],
  ])('refuses the image URL %s clearly, without echoing its query', (url, message) => {
    let caught: any;
    try {
      convert([{ role: 'user', content: [{ type: 'image', source: { type: 'url', url } }] }]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ kind: 'invalid_request', param: 'messages[0].content[0]' });
    expect(caught.message).toMatch(message);
    expect(caught.message).not.toContain('secret');
  });

  it('refuses another provider file id and arguments that are not a JSON object', () => {
    expect(() => convert([{ role: 'user', content: [{ type: 'file', source: { type: 'file-id', fileId: 'file-abc' } }] }])).toThrow(/files\//);
    expect(() => convert([{ role: 'assistant', content: [{ type: 'tool-call', id: 'c', name: 'f', arguments: '[1]' }] }])).toThrow(/object/);
    expect(() => convert([{ role: 'assistant', content: [{ type: 'tool-call', id: 'c', name: 'f', arguments: '{oops' }] }])).toThrow(/JSON/);
  });

  it('warns about names and cache hints it cannot carry', () => {
    const { warnings } = convert([
      { role: 'user', name: 'alice', content: [{ type: 'text', text: 'hi', cache: { type: 'ephemeral' } }] },
    ]);
    expect(warnings.map((warning) => warning.field)).toEqual(['cache', 'messages[0].name']);
  });
});
