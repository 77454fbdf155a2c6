import { describe, expect, it } from 'vitest';
import { createSseParser } from './sse-parser.js';
import type { SseEvent } from './sse-event.js';
import { fixturesAvailable, recordedFiles } from './recorded-fixtures.test-support.js';

const encoder = new TextEncoder();

function parseChunks(chunks: Array<Uint8Array | string>): SseEvent[] {
  const parser = createSseParser();
  const events: SseEvent[] = [];
  for (const chunk of chunks) events.push(...parser.push(chunk));
  events.push(...parser.end());
  return events;
}

function parseWhole(text: string | Uint8Array): SseEvent[] {
  return parseChunks([typeof text === 'string' ? encoder.encode(text) : text]);
}

/** Asserts that cutting the bytes in two at every offset (and feeding them byte by byte) changes nothing. */
function expectSplitInvariant(bytes: Uint8Array, expected: SseEvent[]): void {
  for (let offset = 0; offset <= bytes.length; offset += 1) {
    const events = parseChunks([bytes.subarray(0, offset), bytes.subarray(offset)]);
    expect(events, `split at byte ${offset}`).toEqual(expected);
  }
  const oneByteChunks = Array.from({ length: bytes.length }, (_, index) => bytes.subarray(index, index + 1));
  expect(parseChunks(oneByteChunks), 'fed byte by byte').toEqual(expected);
}

describe('createSseParser', () => {
  it('parses unnamed data frames', () => {
    expect(parseWhole('data: {"a":1}\n\ndata: [DONE]\n\n')).toEqual([{ data: '{"a":1}' }, { data: '[DONE]' }]);
  });

  it('keeps event names, as Anthropic sends them', () => {
    const text = 'event: message_start\ndata: {"type":"message_start"}\n\nevent: ping\ndata: {"type": "ping"}\n\n';
    expect(parseWhole(text)).toEqual([
      { event: 'message_start', data: '{"type":"message_start"}' },
      { event: 'ping', data: '{"type": "ping"}' },
    ]);
  });

  it('joins multiple data lines with a line feed', () => {
    expect(parseWhole('data: first\ndata:\ndata: third\n\n')).toEqual([{ data: 'first\n\nthird' }]);
  });

  it('strips exactly one leading space from a value', () => {
    expect(parseWhole('data:no-space\n\ndata:  two spaces\n\n')).toEqual([{ data: 'no-space' }, { data: ' two spaces' }]);
  });

  it('treats a line without a colon as a field with an empty value', () => {
    expect(parseWhole('data\n\n')).toEqual([{ data: '' }]);
  });

  it('accepts CRLF line endings, as Gemini sends them', () => {
    expect(parseWhole('data: {"a":1}\r\n\r\nevent: x\r\ndata: two\r\n\r\n')).toEqual([
      { data: '{"a":1}' },
      { event: 'x', data: 'two' },
    ]);
  });

  it('accepts bare CR line endings', () => {
    expect(parseWhole('data: a\rdata: b\r\rdata: c\r\r')).toEqual([{ data: 'a\nb' }, { data: 'c' }]);
  });

  it('reads a CR ending one chunk and a LF starting the next as one line break', () => {
    const parser = createSseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('\ndata: b\r')).toEqual([]);
    expect(parser.push('\n\r')).toEqual([{ data: 'a\nb' }]);
    expect(parser.push('\n')).toEqual([]);
    expect(parser.end()).toEqual([]);
  });

  it('keeps the CR/LF pairing across a chunk that decodes to no text', () => {
    const parser = createSseParser();
    expect(parser.push(encoder.encode('data: a\r'))).toEqual([]);
    expect(parser.push(new Uint8Array(0))).toEqual([]);
    expect(parser.push(encoder.encode('\ndata: b\n\n'))).toEqual([{ data: 'a\nb' }]);
  });

  it('decodes a multi-byte UTF-8 character split across chunks', () => {
    const bytes = encoder.encode('data: héllo 😀 世界\n\n');
    const emoji = bytes.indexOf(0xf0);
    expect(parseChunks([bytes.subarray(0, emoji + 2), bytes.subarray(emoji + 2)])).toEqual([{ data: 'héllo 😀 世界' }]);
  });

  it('emits a comment at once, without waiting for the blank line', () => {
    const parser = createSseParser();
    expect(parser.push(': ping\n')).toEqual([{ data: '', comment: 'ping' }]);
    expect(parser.push(':no-space\n')).toEqual([{ data: '', comment: 'no-space' }]);
    expect(parser.push('data: x\n: inside a frame\n')).toEqual([{ data: '', comment: 'inside a frame' }]);
    expect(parser.push('\n')).toEqual([{ data: 'x' }]);
    expect(parser.push(':\n\n')).toEqual([{ data: '', comment: '' }]);
  });

  it('keeps id and an integer retry on the frame they came with', () => {
    expect(parseWhole('id: 7\nretry: 1500\ndata: x\n\ndata: y\n\n')).toEqual([
      { data: 'x', id: '7', retry: 1500 },
      { data: 'y' },
    ]);
  });

  it('ignores a retry that is not an integer and an id holding NUL', () => {
    expect(parseWhole('retry: 1.5\nid: a\0b\ndata: x\n\nretry: soon\ndata: y\n\n')).toEqual([{ data: 'x' }, { data: 'y' }]);
  });

  it('does not emit a frame without data', () => {
    expect(parseWhole('event: lonely\nid: 3\n\n\n\nunknown: field\n\n')).toEqual([]);
  });

  it('forgets the event name of a frame that had no data', () => {
    expect(parseWhole('event: dropped\n\ndata: x\n\n')).toEqual([{ data: 'x' }]);
  });

  it('flushes an unterminated last frame on end()', () => {
    const parser = createSseParser();
    expect(parser.push('event: done\ndata: tail')).toEqual([]);
    expect(parser.end()).toEqual([{ event: 'done', data: 'tail' }]);
  });

  it('does not flush an unterminated frame without data', () => {
    const parser = createSseParser();
    parser.push('event: nothing\n');
    expect(parser.end()).toEqual([]);
  });

  it('drops a leading byte order mark', () => {
    expect(parseWhole(new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('data: x\n\n')]))).toEqual([{ data: 'x' }]);
  });

  it('accepts text chunks as well as bytes', () => {
    expect(parseChunks(['data: he', 'llo\n', '\n'])).toEqual([{ data: 'hello' }]);
  });

  it('gives the same frames wherever the stream is cut', () => {
    const text =
      ': hi\r\nevent: greeting\r\ndata: héllo 😀\r\ndata: 世界\r\nid: 1\r\n\r\n' +
      'data: second\rretry: 20\r\r' +
      'data: third\n\n:bye\ndata: unterminated';
    const expected: SseEvent[] = [
      { data: '', comment: 'hi' },
      { event: 'greeting', data: 'héllo 😀\n世界', id: '1' },
      { data: 'second', retry: 20 },
      { data: 'third' },
      { data: '', comment: 'bye' },
      { data: 'unterminated' },
    ];
    const bytes = encoder.encode(text);
    expect(parseWhole(bytes)).toEqual(expected);
    expectSplitInvariant(bytes, expected);
  });
});

describe.skipIf(!fixturesAvailable)('createSseParser on recorded streams', () => {
  const streams = recordedFiles('.sse');

  it('finds the recorded streams', () => {
    expect(streams.length).toBeGreaterThan(10);
  });

  it.each(streams.map((stream) => [stream.name, stream] as const))('parses %s', (_name, stream) => {
    const text = new TextDecoder().decode(stream.bytes);
    const events = parseWhole(stream.bytes);
    expect(events.length).toBeGreaterThan(0);
    // Each `data:` line of these recordings is one frame's only data line.
    expect(events.filter((event) => event.comment === undefined)).toHaveLength(text.match(/^data:/gm)?.length ?? 0);
    for (const event of events) {
      expect(event.data).not.toMatch(/[\r\n]/);
      if (event.data !== '' && event.data !== '[DONE]') expect(() => JSON.parse(event.data)).not.toThrow();
    }

    // Cutting at a spread of offsets and at fixed small sizes gives the same frames.
    const step = Math.max(1, Math.floor(stream.bytes.length / 97));
    for (let offset = 0; offset <= stream.bytes.length; offset += step) {
      const parts = parseChunks([stream.bytes.subarray(0, offset), stream.bytes.subarray(offset)]);
      expect(parts, `split at byte ${offset}`).toEqual(events);
    }
    for (const size of [1, 2, 3, 7, 64]) {
      const chunks: Uint8Array[] = [];
      for (let offset = 0; offset < stream.bytes.length; offset += size) chunks.push(stream.bytes.subarray(offset, offset + size));
      expect(parseChunks(chunks), `chunks of ${size} bytes`).toEqual(events);
    }
  });

  it('parses Gemini CRLF framing without leaving a CR in the data', () => {
    const gemini = streams.filter((stream) => stream.name.startsWith('google-gemini/'));
    expect(gemini.length).toBeGreaterThan(0);
    for (const stream of gemini) {
      const events = parseWhole(stream.bytes);
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expect(JSON.parse(event.data)).toBeTypeOf('object');
    }
  });

  it('keeps the event names of Anthropic streams', () => {
    const stream = streams.find((candidate) => candidate.name === 'anthropic/text-stream.sse');
    expect(stream).toBeDefined();
    const events = parseWhole(stream!.bytes);
    expect(events[0].event).toBe('message_start');
    expect(events.at(-1)?.event).toBe('message_stop');
    for (const event of events) expect(JSON.parse(event.data).type).toBe(event.event);
  });
});
