import type { ChatMessage, Warning } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { convertToBedrockMessages } from './convert-to-bedrock-messages.js';

function convert(messages: ChatMessage[]) {
  const warnings: Warning[] = [];
  const prompt = convertToBedrockMessages(messages, (warning) => warnings.push(warning));
  return { ...prompt, warnings };
}

const pngBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

describe('convertToBedrockMessages', () => {
  it('puts every system and developer message, in order, into system blocks', () => {
    const { system, messages, warnings } = convert([
      { role: 'system', content: [{ type: 'text', text: 'You are terse.' }] },
      { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }, { type: 'text', text: 'No emoji.' }] },
      { role: 'user', content: [{ type: 'text', text: 'hello' }] },
    ]);
    expect(system).toEqual([{ text: 'You are terse.' }, { text: 'Answer in French.' }, { text: 'No emoji.' }]);
    expect(messages).toEqual([{ role: 'user', content: [{ text: 'hello' }] }]);
    expect(warnings).toEqual([]);
  });

  it('moves a system message from mid-conversation into the system prompt with a warning', () => {
    const { system, warnings } = convert([
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'system', content: [{ type: 'text', text: 'late rule' }] },
    ]);
    expect(system).toEqual([{ text: 'late rule' }]);
    expect(warnings).toEqual([expect.objectContaining({ type: 'other', field: 'messages[1].role' })]);
  });

  it('adds a cachePoint after a part with a cache hint (system, user, tools results)', () => {
    const { system, messages } = convert([
      { role: 'system', content: [{ type: 'text', text: 'long instructions', cache: { type: 'ephemeral' } }] },
      { role: 'user', content: [{ type: 'text', text: 'big document', cache: { type: 'ephemeral', ttl: '1h' } }, { type: 'text', text: 'question' }] },
    ]);
    expect(system).toEqual([{ text: 'long instructions' }, { cachePoint: { type: 'default' } }]);
    expect(messages[0]!.content).toEqual([{ text: 'big document' }, { cachePoint: { type: 'default', ttl: '1h' } }, { text: 'question' }]);
  });

  it('sends tool calls as toolUse with parsed input, and tool results in a user turn merged with the next user message', () => {
    const { messages, hasToolBlocks } = convert([
      { role: 'user', content: [{ type: 'text', text: 'weather and time?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Let me check.' },
          { type: 'tool-call', id: 'tooluse_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
          { type: 'tool-call', id: 'tooluse_2', name: 'get_time', arguments: '' },
        ],
      },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'tooluse_1', content: [{ type: 'text', text: '18°C' }] }] },
      {
        role: 'tool',
        content: [{ type: 'tool-result', toolCallId: 'tooluse_2', content: [{ type: 'text', text: 'clock broken' }], isError: true }],
      },
      { role: 'user', content: [{ type: 'text', text: 'thanks' }] },
    ]);
    expect(hasToolBlocks).toBe(true);
    expect(messages).toEqual([
      { role: 'user', content: [{ text: 'weather and time?' }] },
      {
        role: 'assistant',
        content: [
          { text: 'Let me check.' },
          { toolUse: { toolUseId: 'tooluse_1', name: 'get_weather', input: { city: 'Paris' } } },
          { toolUse: { toolUseId: 'tooluse_2', name: 'get_time', input: {} } },
        ],
      },
      {
        role: 'user',
        content: [
          { toolResult: { toolUseId: 'tooluse_1', content: [{ text: '18°C' }] } },
          { toolResult: { toolUseId: 'tooluse_2', content: [{ text: 'clock broken' }], status: 'error' } },
          { text: 'thanks' },
        ],
      },
    ]);
  });

  it('merges consecutive user turns and consecutive assistant turns', () => {
    const { messages } = convert([
      { role: 'user', content: [{ type: 'text', text: 'one' }] },
      { role: 'user', content: [{ type: 'text', text: 'two' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'a' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'b' }] },
    ]);
    expect(messages).toEqual([
      { role: 'user', content: [{ text: 'one' }, { text: 'two' }] },
      { role: 'assistant', content: [{ text: 'a' }, { text: 'b' }] },
    ]);
  });

  it('refuses tool call arguments that are not JSON', () => {
    expect(() =>
      convert([{ role: 'assistant', content: [{ type: 'tool-call', id: 'x', name: 'f', arguments: '{nope' }] }]),
    ).toThrow(expect.objectContaining({ kind: 'invalid_request', param: 'messages[0].content[0].arguments' }));
  });

  it('sends base64 images as bytes, s3 locations as s3Location, and refuses http URLs', () => {
    const { messages } = convert([
      {
        role: 'user',
        content: [
          { type: 'text', text: "What's in this image?" },
          { type: 'image', source: { type: 'base64', mediaType: 'image/png', data: pngBase64 } },
          { type: 'image', source: { type: 'url', url: `data:image/jpeg;base64,${pngBase64}` } },
          { type: 'image', source: { type: 'url', url: 's3://my-bucket/photos/cat.webp' } },
        ],
      },
    ]);
    expect(messages[0]!.content).toEqual([
      { text: "What's in this image?" },
      { image: { format: 'png', source: { bytes: pngBase64 } } },
      { image: { format: 'jpeg', source: { bytes: pngBase64 } } },
      { image: { format: 'webp', source: { s3Location: { uri: 's3://my-bucket/photos/cat.webp' } } } },
    ]);
    expect(() =>
      convert([{ role: 'user', content: [{ type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } }] }]),
    ).toThrow(expect.objectContaining({ kind: 'unsupported', param: 'messages[0].content[0]', message: expect.stringMatching(/not a URL/) }));
    expect(() =>
      convert([{ role: 'user', content: [{ type: 'image', source: { type: 'base64', mediaType: 'image/tiff', data: 'AA==' } }] }]),
    ).toThrow(expect.objectContaining({ kind: 'invalid_request' }));
  });

  it('sends PDFs as document blocks named as Bedrock allows', () => {
    const { messages, warnings } = convert([
      {
        role: 'user',
        content: [
          { type: 'file', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0x' }, filename: 'report.pdf' },
          { type: 'file', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0y' }, filename: 'q3_results (final).pdf' },
          { type: 'file', source: { type: 'base64', mediaType: 'application/pdf', data: 'JVBERi0z' } },
        ],
      },
    ]);
    expect(messages[0]!.content).toEqual([
      { document: { format: 'pdf', name: 'report', source: { bytes: 'JVBERi0x' } } },
      { document: { format: 'pdf', name: 'q3-results (final)', source: { bytes: 'JVBERi0y' } } },
      { document: { format: 'pdf', name: 'document-3', source: { bytes: 'JVBERi0z' } } },
    ]);
    expect(warnings.map((warning) => [warning.type, warning.field])).toEqual([
      ['other', 'messages[0].content[1].filename'],
      ['default-applied', 'messages[0].content[2].filename'],
    ]);
  });

  it('refuses audio, which Converse does not take', () => {
    expect(() => convert([{ role: 'user', content: [{ type: 'audio', data: 'AAAA', format: 'wav' }] }])).toThrow(
      expect.objectContaining({ kind: 'unsupported' }),
    );
  });

  it('carries tool results with images and documents', () => {
    const { messages } = convert([
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'tooluse_9',
            content: [
              { type: 'text', text: 'here is the chart' },
              { type: 'image', source: { type: 'base64', mediaType: 'image/gif', data: 'R0lGOD' } },
            ],
          },
        ],
      },
    ]);
    expect(messages[0]!.content).toEqual([
      {
        toolResult: {
          toolUseId: 'tooluse_9',
          content: [{ text: 'here is the chart' }, { image: { format: 'gif', source: { bytes: 'R0lGOD' } } }],
        },
      },
    ]);
  });

  it('sends back signed reasoning and redacted reasoning as reasoningContent, before the text', () => {
    const { messages, warnings } = convert([
      { role: 'user', content: [{ type: 'text', text: 'q' }] },
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'Let me think.', signature: 'EqQBCkgIAhABGAIiQL', provider: 'bedrock' },
          { type: 'reasoning', text: '', redactedData: 'RXU4RUNrZ0lC', provider: 'bedrock' },
          { type: 'text', text: 'Answer.' },
        ],
      },
    ]);
    expect(messages[1]!.content).toEqual([
      { reasoningContent: { reasoningText: { text: 'Let me think.', signature: 'EqQBCkgIAhABGAIiQL' } } },
      { reasoningContent: { redactedContent: 'RXU4RUNrZ0lC' } },
      { text: 'Answer.' },
    ]);
    expect(warnings).toEqual([]);
  });

  it('leaves out reasoning Bedrock cannot verify, with a warning', () => {
    const { messages, warnings } = convert([
      { role: 'user', content: [{ type: 'text', text: 'q' }] },
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'unsigned thoughts' },
          { type: 'reasoning', text: 'gemini thoughts', signature: 'abc', provider: 'google' },
          { type: 'text', text: 'Answer.' },
        ],
      },
    ]);
    expect(messages[1]!.content).toEqual([{ text: 'Answer.' }]);
    expect(warnings.map((warning) => warning.field)).toEqual(['messages[1].content[0]', 'messages[1].content[1]']);
  });

  it('drops a turn left empty and merges its neighbours', () => {
    const { messages } = convert([
      { role: 'user', content: [{ type: 'text', text: 'a' }] },
      { role: 'assistant', content: [{ type: 'text', text: '' }] },
      { role: 'user', content: [{ type: 'text', text: 'b' }] },
    ]);
    expect(messages).toEqual([{ role: 'user', content: [{ text: 'a' }, { text: 'b' }] }]);
  });
});
