import { describe, expect, it } from 'vitest';
import { createNdjsonParser } from './ndjson-parser.js';
import { fixturesAvailable, recordedFiles } from './recorded-fixtures.test-support.js';

const encoder = new TextEncoder();

function parseChunks(chunks: Array<Uint8Array | string>): unknown[] {
  const parser = createNdjsonParser();
  const values: unknown[] = [];
  for (const chunk of chunks) values.push(...parser.push(chunk));
  values.push(...parser.end());
  return values;
}

describe('createNdjsonParser', () => {
  it('parses one value per line', () => {
    expect(parseChunks(['{"a":1}\n{"b":"two"}\n'])).toEqual([{ a: 1 }, { b: 'two' }]);
  });

  it('returns each value as soon as its line is complete', () => {
    const parser = createNdjsonParser();
    expect(parser.push('{"a":')).toEqual([]);
    expect(parser.push('1}\n{"b"')).toEqual([{ a: 1 }]);
    expect(parser.push(':2}\n')).toEqual([{ b: 2 }]);
    expect(parser.end()).toEqual([]);
  });

  it('skips blank lines and accepts CRLF', () => {
    expect(parseChunks(['\n{"a":1}\r\n\r\n  \n[2]\r\n'])).toEqual([{ a: 1 }, [2]]);
  });

  it('parses an unterminated last line on end()', () => {
    expect(parseChunks(['{"a":1}\n{"done":true}'])).toEqual([{ a: 1 }, { done: true }]);
  });

  it('throws on a malformed line, naming its line number', () => {
    const parser = createNdjsonParser();
    expect(() => parser.push('{"a":1}\n\n{"b":\n')).toThrow(/line 3/);
  });

  it('names the line number of a malformed unterminated last line', () => {
    const parser = createNdjsonParser();
    parser.push('{"a":1}\n');
    parser.push('nope');
    expect(() => parser.end()).toThrow(/line 2/);
  });

  it('gives the same values wherever the stream is cut, even inside a UTF-8 character', () => {
    const bytes = encoder.encode('{"text":"héllo 😀"}\r\n\n{"text":"世界"}\n{"n":3}');
    const expected = [{ text: 'héllo 😀' }, { text: '世界' }, { n: 3 }];
    for (let offset = 0; offset <= bytes.length; offset += 1) {
      expect(parseChunks([bytes.subarray(0, offset), bytes.subarray(offset)]), `split at byte ${offset}`).toEqual(
        expected,
      );
    }
    const oneByteChunks = Array.from({ length: bytes.length }, (_, index) => bytes.subarray(index, index + 1));
    expect(parseChunks(oneByteChunks)).toEqual(expected);
  });
});

describe.skipIf(!fixturesAvailable)('createNdjsonParser on recorded streams', () => {
  const streams = recordedFiles('.ndjson');

  it('finds the recorded streams', () => {
    expect(streams.length).toBeGreaterThan(0);
  });

  it.each(streams.map((stream) => [stream.name, stream] as const))('parses %s', (_name, stream) => {
    const text = new TextDecoder().decode(stream.bytes);
    const expected = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as unknown);
    expect(parseChunks([stream.bytes])).toEqual(expected);
    for (const size of [1, 5, 64]) {
      const chunks: Uint8Array[] = [];
      for (let offset = 0; offset < stream.bytes.length; offset += size) chunks.push(stream.bytes.subarray(offset, offset + size));
      expect(parseChunks(chunks), `chunks of ${size} bytes`).toEqual(expected);
    }
  });
});
