import { describe, expect, it } from 'vitest';
import { formatSseData, formatSseEvent } from './sse-writer.js';
import { createSseParser } from './sse-parser.js';
import type { SseEvent } from './sse-event.js';
import { fixturesAvailable, recordedFiles } from './recorded-fixtures.test-support.js';

function parse(text: string | Uint8Array): SseEvent[] {
  const parser = createSseParser();
  return [...parser.push(text), ...parser.end()];
}

describe('formatSseEvent', () => {
  it('writes an unnamed frame', () => {
    expect(formatSseEvent({ data: '{"a":1}' })).toBe('data: {"a":1}\n\n');
  });

  it('writes the event name before the data', () => {
    expect(formatSseEvent({ event: 'message_stop', data: '{"type":"message_stop"}' })).toBe(
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    );
  });

  it('writes one data line per line of data', () => {
    expect(formatSseEvent({ data: 'one\ntwo\n\nfour' })).toBe('data: one\ndata: two\ndata: \ndata: four\n\n');
  });

  it('turns a CR in the data into a line break instead of letting it start a field', () => {
    expect(formatSseEvent({ data: 'one\r\ntwo\revent: injected' })).toBe(
      'data: one\ndata: two\ndata: event: injected\n\n',
    );
  });

  it('writes empty data as an empty data line', () => {
    expect(formatSseEvent({ data: '' })).toBe('data: \n\n');
  });

  it('writes id and retry', () => {
    expect(formatSseEvent({ event: 'x', data: 'y', id: '42', retry: 3000 })).toBe(
      'event: x\ndata: y\nid: 42\nretry: 3000\n\n',
    );
  });

  it('writes a comment-only frame as the comment alone', () => {
    expect(formatSseEvent({ data: '', comment: 'ping' })).toBe(': ping\n\n');
    expect(formatSseEvent({ data: '', comment: '' })).toBe(': \n\n');
  });

  it('writes a comment beside data', () => {
    expect(formatSseEvent({ data: 'x', comment: 'note' })).toBe('data: x\n: note\n\n');
  });

  it('refuses an event name or id holding a line break', () => {
    expect(() => formatSseEvent({ event: 'a\nb', data: '' })).toThrow(/event name/);
    expect(() => formatSseEvent({ id: 'a\rb', data: '' })).toThrow(/id/);
  });
});

describe('formatSseData', () => {
  it('writes single-line data', () => {
    expect(formatSseData('[DONE]')).toBe('data: [DONE]\n\n');
  });

  it('still frames multi-line data correctly', () => {
    expect(formatSseData('a\nb')).toBe('data: a\ndata: b\n\n');
  });
});

describe('parse, format, parse', () => {
  it('gives back the same frames for every kind of frame', () => {
    const events: SseEvent[] = [
      { data: '', comment: 'keep-alive' },
      { event: 'delta', data: 'multi\nline\n\ndata', id: 'abc', retry: 10 },
      { data: '' },
      { data: ' leading space' },
      { event: '', data: 'x' },
    ];
    expect(parse(events.map(formatSseEvent).join(''))).toEqual(events);
  });
});

describe.skipIf(!fixturesAvailable)('parse, format, parse on recorded streams', () => {
  const streams = recordedFiles('.sse');

  it.each(streams.map((stream) => [stream.name, stream] as const))('round-trips %s', (_name, stream) => {
    const events = parse(stream.bytes);
    const formatted = events.map(formatSseEvent).join('');
    expect(parse(formatted)).toEqual(events);

    // Streams framed with LF, as most providers frame them, come back byte for byte.
    const original = new TextDecoder().decode(stream.bytes);
    if (!original.includes('\r')) expect(formatted).toBe(original);
  });
});
