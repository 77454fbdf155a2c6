import { createSseParser, type StreamEvent } from '@switchyard/core';
import { fixturesFor } from '@switchyard/testkit';
import { describe, expect, it } from 'vitest';
import { createAnthropicMessagesStreamDecoder } from './anthropic-messages-stream-decoder.js';

/** Feeds SSE text through the core parser and the decoder, in small chunks as a socket would. */
function decodeSse(text: string, chunkSize = 37): StreamEvent[] {
  const parser = createSseParser();
  const decoder = createAnthropicMessagesStreamDecoder();
  const events: StreamEvent[] = [];
  for (let offset = 0; offset < text.length; offset += chunkSize) {
    for (const frame of parser.push(text.slice(offset, offset + chunkSize))) events.push(...decoder.decode(frame));
  }
  for (const frame of parser.end()) events.push(...decoder.decode(frame));
  events.push(...decoder.end());
  return events;
}

function sse(...events: Array<Record<string, unknown>>): string {
  return events.map((event) => `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`).join('');
}

const messageStart = {
  type: 'message_start',
  message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-x', content: [], usage: { input_tokens: 10, output_tokens: 1 } },
};

describe('Messages stream decoder', () => {
  it('numbers tool calls over tool_use blocks only and closes each with its arguments', () => {
    const events = decodeSse(
      sse(
        messageStart,
        { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } },
        { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'plan' } },
        { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'sig' } },
        { type: 'content_block_stop', index: 0 },
        { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
        { type: 'ping' },
        { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Checking' } },
        { type: 'content_block_stop', index: 1 },
        { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'toolu_a', name: 'f', input: {} } },
        { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '' } },
        { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"x":' } },
        { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '1}' } },
        { type: 'content_block_stop', index: 2 },
        { type: 'content_block_start', index: 3, content_block: { type: 'tool_use', id: 'toolu_b', name: 'g', input: {} } },
        { type: 'content_block_stop', index: 3 },
        { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 42 } },
        { type: 'message_stop' },
      ),
    );
    expect(events).toEqual([
      { type: 'start', id: 'msg_1', model: 'claude-x', providerMetadata: { 'anthropic-messages': { usage: { input_tokens: 10, output_tokens: 1 } } } },
      { type: 'reasoning-delta', delta: 'plan', provider: 'anthropic' },
      { type: 'reasoning-delta', delta: '', signature: 'sig', provider: 'anthropic' },
      { type: 'text-delta', delta: 'Checking' },
      { type: 'tool-call-start', index: 0, id: 'toolu_a', name: 'f' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{"x":' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '1}' },
      { type: 'tool-call-end', index: 0 },
      { type: 'tool-call-start', index: 1, id: 'toolu_b', name: 'g' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 1 },
      {
        type: 'finish',
        finishReason: { unified: 'tool-calls', raw: 'tool_use' },
        usage: { input: 10, output: 42, total: 52, raw: { input_tokens: 10, output_tokens: 42 } },
      },
    ]);
  });

  it('decodes a redacted_thinking block whole at its start', () => {
    const events = decodeSse(
      sse(
        messageStart,
        { type: 'content_block_start', index: 0, content_block: { type: 'redacted_thinking', data: 'EvgF' } },
        { type: 'content_block_stop', index: 0 },
        { type: 'message_delta', delta: { stop_reason: 'stop_sequence', stop_sequence: 'END' }, usage: { output_tokens: 3 } },
        { type: 'message_stop' },
      ),
    );
    expect(events[1]).toEqual({ type: 'reasoning-delta', delta: '', redactedData: 'EvgF', provider: 'anthropic' });
    expect(events[2]).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'stop', raw: 'stop_sequence' },
      providerMetadata: { 'anthropic-messages': { stopSequence: 'END' } },
    });
  });

  it('ends with an error when the body stops before message_stop', () => {
    const events = decodeSse(
      sse(
        messageStart,
        { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
        { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hel' } },
        { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 3 } },
      ),
    );
    expect(events.map((event) => event.type)).toEqual(['start', 'text-delta', 'error']);
    expect(events.at(-1)).toMatchObject({ error: { kind: 'upstream', status: 502 } });
  });

  it('turns an error event into a canonical error and ignores what follows', () => {
    const events = decodeSse(
      sse(messageStart, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, { type: 'message_stop' }),
    );
    expect(events.slice(1)).toEqual([
      { type: 'error', error: { kind: 'overloaded', status: 529, message: 'Overloaded', code: 'overloaded_error' } },
    ]);
  });

  it('fails on an event that is not JSON and skips event types it does not know', () => {
    expect(decodeSse('event: message_start\ndata: {not json\n\n').at(-1)).toMatchObject({ type: 'error', error: { kind: 'upstream' } });
    const events = decodeSse(sse(messageStart, { type: 'future_event', whatever: 1 }, { type: 'message_stop' }));
    expect(events.map((event) => event.type)).toEqual(['start', 'finish']);
  });
});

const lookup = fixturesFor('anthropic');
describe.skipIf(!lookup.found)('recorded Messages streams', () => {
  const fixtures = lookup.found ? lookup.fixtures : undefined!;

  it('text-stream: text, and usage merged from message_start and the cumulative message_delta', () => {
    const events = decodeSse(fixtures.text('text-stream.sse'));
    expect(events[0]).toMatchObject({ type: 'start', id: 'msg_01QC4g3HwBThD4BaNtBckFDJ', model: 'claude-sonnet-4-5-20250929' });
    const text = events.flatMap((event) => (event.type === 'text-delta' ? [event.delta] : [])).join('');
    expect(text).toBe("Hello! I'm doing well, thank you for asking. How are you doing today? Is there anything I can help you with?");
    expect(events.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'stop', raw: 'end_turn' },
      usage: { input: 12, output: 30, cachedInput: 0, cacheWrite: 0, total: 42 },
    });
  });

  it('tool-use-stream-docs: the call at block 1 is tool call 0, its JSON reassembled', () => {
    const events = decodeSse(fixtures.text('tool-use-stream-docs.sse'));
    expect(events.find((event) => event.type === 'tool-call-start')).toEqual({
      type: 'tool-call-start',
      index: 0,
      id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6',
      name: 'get_weather',
    });
    const args = events.flatMap((event) => (event.type === 'tool-call-delta' ? [event.argumentsDelta] : [])).join('');
    expect(JSON.parse(args)).toEqual({ location: 'San Francisco, CA', unit: 'fahrenheit' });
    expect(events.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_use' }, usage: { input: 472, output: 89 } });
  });

  it('thinking-stream: thinking deltas, then the signature, then text', () => {
    const events = decodeSse(fixtures.text('thinking-stream.sse'), 101);
    const signatures = events.filter((event) => event.type === 'reasoning-delta' && event.signature !== undefined);
    expect(signatures).toHaveLength(1);
    expect((signatures[0] as { signature: string }).signature).toMatch(/^EvMCCkYICxgCKkCHP2cSuEdc/);
    const firstText = events.findIndex((event) => event.type === 'text-delta');
    expect(events.indexOf(signatures[0]!)).toBeLessThan(firstText);
    expect(events.at(-1)).toMatchObject({ type: 'finish', usage: { input: 43, output: 282 } });
  });

  it('thinking-stream-docs: a message_start without usage still finishes, without usage', () => {
    const events = decodeSse(fixtures.text('thinking-stream-docs.sse'));
    expect(events[0]).toEqual({ type: 'start', id: 'msg_01...', model: 'claude-sonnet-4-5-20250929' });
    const finish = events.at(-1)!;
    expect(finish).toEqual({ type: 'finish', finishReason: { unified: 'stop', raw: 'end_turn' } });
  });

  it('tool-use-no-args-stream: an empty input becomes "{}"', () => {
    const events = decodeSse(fixtures.text('tool-use-no-args-stream.sse'));
    expect(events.filter((event) => event.type.startsWith('tool-call'))).toEqual([
      { type: 'tool-call-start', index: 0, id: 'toolu_01QE1WLsSVp5hy5Q3GmGTmjP', name: 'updateIssueList' },
      { type: 'tool-call-delta', index: 0, argumentsDelta: '{}' },
      { type: 'tool-call-end', index: 0 },
    ]);
  });

  it('stream-error-event-docs: an error event alone', () => {
    expect(decodeSse(fixtures.text('stream-error-event-docs.sse'))).toEqual([
      { type: 'error', error: { kind: 'overloaded', status: 529, message: 'Overloaded', code: 'overloaded_error' } },
    ]);
  });
});
