import { createSseParser, type StreamEvent } from '@switchyard/core';
import { fixturesFor } from '@switchyard/testkit';
import { describe, expect, it } from 'vitest';
import { createAnthropicMessagesStreamDecoder } from './anthropic-messages-stream-decoder.js';
import { createAnthropicMessagesStreamEncoder } from './anthropic-messages-stream-encoder.js';

function encodeAll(events: StreamEvent[]): string {
  const encoder = createAnthropicMessagesStreamEncoder();
  let text = '';
  for (const event of events) {
    text += encoder.encode(event);
    if (event.type === 'error') return text;
  }
  return text + encoder.end();
}

/** The SSE frames as [event name, parsed data]. */
function frames(text: string): Array<[string | undefined, any]> {
  const parser = createSseParser();
  return [...parser.push(text), ...parser.end()].map((frame) => [frame.event, JSON.parse(frame.data)]);
}

function decodeSse(text: string): StreamEvent[] {
  const parser = createSseParser();
  const decoder = createAnthropicMessagesStreamDecoder();
  const events = [...parser.push(text), ...parser.end()].flatMap((frame) => decoder.decode(frame));
  return [...events, ...decoder.end()];
}

describe('Messages stream encoder', () => {
  it("writes another provider's stream as the exact Anthropic event sequence", () => {
    const text = encodeAll([
      { type: 'start', id: 'chatcmpl-1', model: 'gpt-4o', created: 1 },
      { type: 'reasoning-delta', delta: 'thinking...' },
      { type: 'text-delta', delta: 'Let me ' },
      { type: 'text-delta', delta: 'check.' },
      { type: 'tool-call-start', index: 0, id: 'call_a', name: 'f' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"x":' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '1}' },
      { type: 'tool-call-start', index: 1, id: 'call_b', name: 'g' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-end', index: 1 },
      { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' } },
      { type: 'usage', usage: { input: 30, output: 12, cachedInput: 10, total: 42 } },
    ]);
    expect(frames(text)).toEqual([
      [
        'message_start',
        {
          type: 'message_start',
          message: {
            id: 'chatcmpl-1',
            type: 'message',
            role: 'assistant',
            model: 'gpt-4o',
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { input_tokens: 0, cache_creation_input_tokens: null, cache_read_input_tokens: null, output_tokens: 0 },
          },
        },
      ],
      ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } }],
      ['ping', { type: 'ping' }],
      ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'thinking...' } }],
      ['content_block_stop', { type: 'content_block_stop', index: 0 }],
      ['content_block_start', { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } }],
      ['content_block_delta', { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Let me ' } }],
      ['content_block_delta', { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'check.' } }],
      ['content_block_stop', { type: 'content_block_stop', index: 1 }],
      ['content_block_start', { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'call_a', name: 'f', input: {} } }],
      ['content_block_delta', { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"x":' } }],
      ['content_block_delta', { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '1}' } }],
      ['content_block_stop', { type: 'content_block_stop', index: 2 }],
      ['content_block_start', { type: 'content_block_start', index: 3, content_block: { type: 'tool_use', id: 'call_b', name: 'g', input: {} } }],
      ['content_block_delta', { type: 'content_block_delta', index: 3, delta: { type: 'input_json_delta', partial_json: '{}' } }],
      ['content_block_stop', { type: 'content_block_stop', index: 3 }],
      [
        'message_delta',
        {
          type: 'message_delta',
          delta: { stop_reason: 'tool_use', stop_sequence: null },
          usage: { input_tokens: 20, cache_creation_input_tokens: null, cache_read_input_tokens: 10, output_tokens: 12 },
        },
      ],
      ['message_stop', { type: 'message_stop' }],
    ]);
  });

  it('closes a thinking block with its signature and writes redacted thinking whole', () => {
    const text = encodeAll([
      { type: 'start', id: 'msg_1', model: 'claude-x' },
      { type: 'reasoning-delta', delta: 'a', provider: 'anthropic' },
      { type: 'reasoning-delta', delta: '', signature: 'sig-1', provider: 'anthropic' },
      { type: 'reasoning-delta', delta: 'b', provider: 'anthropic' },
      { type: 'reasoning-delta', delta: '', signature: 'sig-2', provider: 'anthropic' },
      { type: 'reasoning-delta', delta: '', redactedData: 'EvgF', provider: 'anthropic' },
      { type: 'reasoning-delta', delta: '', signature: 'gemini-signature', provider: 'google' },
      { type: 'finish', finishReason: { unified: 'stop', raw: 'end_turn' }, usage: { input: 1, output: 1, total: 2 } },
    ]);
    const blocks = frames(text).filter(([name]) => name?.startsWith('content_block')).map(([, data]) => data);
    expect(blocks).toEqual([
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'a' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'sig-1' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'thinking_delta', thinking: 'b' } },
      { type: 'content_block_delta', index: 1, delta: { type: 'signature_delta', signature: 'sig-2' } },
      { type: 'content_block_stop', index: 1 },
      { type: 'content_block_start', index: 2, content_block: { type: 'redacted_thinking', data: 'EvgF' } },
      { type: 'content_block_stop', index: 2 },
    ]);
  });

  it("signs thinking from Claude on Bedrock with Bedrock's signature", () => {
    const text = encodeAll([
      { type: 'start', id: 'req-1', model: 'us.anthropic.claude-sonnet-4-5' },
      { type: 'reasoning-delta', delta: 'plan', provider: 'bedrock' },
      { type: 'reasoning-delta', delta: '', signature: 'bedrock-sig', provider: 'bedrock' },
      { type: 'reasoning-delta', delta: '', redactedData: 'EvgF', provider: 'bedrock' },
      { type: 'finish', finishReason: { unified: 'stop', raw: 'end_turn' } },
    ]);
    const deltas = frames(text).filter(([name]) => name === 'content_block_delta' || name === 'content_block_start').map(([, data]) => data);
    expect(deltas).toEqual([
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'plan' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'bedrock-sig' } },
      { type: 'content_block_start', index: 1, content_block: { type: 'redacted_thinking', data: 'EvgF' } },
    ]);
  });

  it('ends with an error event and nothing after it', () => {
    const text = encodeAll([
      { type: 'start', id: 'msg_1', model: 'claude-x' },
      { type: 'text-delta', delta: 'Hel' },
      { type: 'error', error: { kind: 'overloaded', status: 529, message: 'Overloaded' } },
    ]);
    const written = frames(text);
    expect(written.at(-1)).toEqual(['error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }]);
    expect(written.some(([name]) => name === 'message_stop')).toBe(false);
  });

  it('ends with an error event when the canonical stream never finished', () => {
    const encoder = createAnthropicMessagesStreamEncoder();
    encoder.encode({ type: 'start', id: 'msg_1', model: 'claude-x' });
    expect(frames(encoder.end()).at(-1)).toEqual([
      'error',
      { type: 'error', error: { type: 'api_error', message: 'The stream ended before the provider finished.' } },
    ]);
    expect(encoder.end()).toBe('');
  });

  it('opens the message for a stream that skipped start', () => {
    const written = frames(encodeAll([{ type: 'text-delta', delta: 'x' }, { type: 'finish', finishReason: { unified: 'length', raw: 'length' } }]));
    expect(written.map(([name]) => name)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(written[5]![1]).toEqual({ type: 'message_delta', delta: { stop_reason: 'max_tokens', stop_sequence: null }, usage: { output_tokens: 0 } });
  });
});

const lookup = fixturesFor('anthropic');
describe.skipIf(!lookup.found)('recorded Messages streams survive decode → encode → decode', () => {
  const fixtures = lookup.found ? lookup.fixtures : undefined;
  const cases = fixtures ? fixtures.cases().filter((name) => fixtures.has(`${name}.sse`)) : [];

  it.each(cases)('%s', (name) => {
    const canonical = decodeSse(fixtures!.text(`${name}.sse`));
    const again = decodeSse(encodeAll(canonical));
    if (name === 'thinking-stream-docs') {
      // The docs' example has no usage at all; the format requires one, so zeros stand in.
      expect(again.at(-1)).toMatchObject({ type: 'finish', usage: { input: 0, output: 0 } });
      delete (again[0] as { providerMetadata?: unknown }).providerMetadata;
      delete (again.at(-1) as { usage?: unknown }).usage;
    }
    expect(again).toEqual(canonical);
  });

  it('text-stream comes back event for event, message_start usage included', () => {
    const recorded = fixtures!.text('text-stream.sse');
    const encoded = frames(encodeAll(decodeSse(recorded)));
    const original = frames(recorded);
    expect(encoded.map(([name]) => name)).toEqual(original.map(([name]) => name));
    expect(encoded[0]![1].message.usage).toEqual(original[0]![1].message.usage);
    expect(encoded.at(-2)![1].usage).toMatchObject(original.at(-2)![1].usage);
  });
});
