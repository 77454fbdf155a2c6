import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  type AwsEventStreamMessage,
  createAwsEventStreamDecoder,
  crc32,
  encodeAwsEventStreamMessage,
  tableCrc32,
} from './aws-event-stream.js';
import { fixturesAvailable, recordedFiles } from './recorded-fixtures.test-support.js';

const encoder = new TextEncoder();

function decodeChunks(chunks: Uint8Array[]): AwsEventStreamMessage[] {
  const decoder = createAwsEventStreamDecoder();
  const messages: AwsEventStreamMessage[] = [];
  for (const chunk of chunks) messages.push(...decoder.push(chunk));
  messages.push(...decoder.end());
  return messages;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let position = 0;
  for (const part of parts) {
    bytes.set(part, position);
    position += part.length;
  }
  return bytes;
}

/** `{ "<:event-type>": payload }`, the shape the recorded .ndjson files use. */
function asNdjsonLine(message: AwsEventStreamMessage): unknown {
  return { [String(message.headers[':event-type'])]: JSON.parse(new TextDecoder().decode(message.payload)) };
}

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(encoder.encode('123456789'))).toBe(0xcbf43926);
    expect(tableCrc32(encoder.encode('123456789'))).toBe(0xcbf43926);
    expect(tableCrc32(new Uint8Array(0))).toBe(0);
  });

  it('agrees with node:zlib where it exists', () => {
    const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
    const bytes = Uint8Array.from({ length: 1000 }, (_, index) => (index * 7919) & 0xff);
    if (native) expect(tableCrc32(bytes)).toBe(native(bytes) >>> 0);
    expect(crc32(bytes)).toBe(tableCrc32(bytes));
  });
});

describe('encodeAwsEventStreamMessage / createAwsEventStreamDecoder', () => {
  it('matches the prelude layout of the format', () => {
    const message = encodeAwsEventStreamMessage({ ':event-type': 'chunk' }, '{}');
    const view = new DataView(message.buffer);
    // 12 prelude + (1 + 11 name + 1 type + 2 length + 5 value) headers + 2 payload + 4 CRC
    expect(view.getUint32(0)).toBe(message.length);
    expect(view.getUint32(4)).toBe(20);
    expect(message.length).toBe(12 + 20 + 2 + 4);
    expect(view.getUint32(8)).toBe(tableCrc32(message.subarray(0, 8)));
    expect(view.getUint32(message.length - 4)).toBe(tableCrc32(message.subarray(0, message.length - 4)));
  });

  it('round-trips every header value type', () => {
    const bytes = Uint8Array.of(0, 1, 254, 255);
    const message = encodeAwsEventStreamMessage(
      {
        yes: true,
        no: false,
        byte: { type: 'byte', value: -7 },
        short: { type: 'short', value: -1234 },
        integer: 123456,
        negative: -5,
        long: { type: 'long', value: 2 ** 40 },
        huge: { type: 'long', value: 2n ** 62n },
        bytes,
        string: 'héllo',
        timestamp: { type: 'timestamp', value: 1_700_000_000_123 },
        uuid: { type: 'uuid', value: '0ab004ae-bae5-4ba6-a2d2-73813f95bd59' },
      },
      new Uint8Array(0),
    );
    const [decoded] = decodeChunks([message]);
    expect(decoded!.headers).toEqual({
      yes: true,
      no: false,
      byte: -7,
      short: -1234,
      integer: 123456,
      negative: -5,
      long: 2 ** 40,
      huge: 2n ** 62n,
      bytes,
      string: 'héllo',
      timestamp: 1_700_000_000_123,
      uuid: '0ab004ae-bae5-4ba6-a2d2-73813f95bd59',
    });
    expect(decoded!.payload).toEqual(new Uint8Array(0));
  });

  it('encodes a number outside int32 as a long', () => {
    const [decoded] = decodeChunks([encodeAwsEventStreamMessage({ big: 2 ** 33 }, '')]);
    expect(decoded!.headers.big).toBe(2 ** 33);
  });

  it('decodes several messages in one chunk and keeps the payload bytes', () => {
    const stream = concat([
      encodeAwsEventStreamMessage({ ':message-type': 'event', ':event-type': 'a' }, '{"n":1}'),
      encodeAwsEventStreamMessage({ ':message-type': 'event', ':event-type': 'b' }, '{"n":2}'),
    ]);
    const messages = decodeChunks([stream]);
    expect(messages.map((message) => [message.headers[':event-type'], new TextDecoder().decode(message.payload)])).toEqual([
      ['a', '{"n":1}'],
      ['b', '{"n":2}'],
    ]);
  });

  it('returns a message as soon as its last byte arrives', () => {
    const message = encodeAwsEventStreamMessage({ ':event-type': 'x' }, 'payload');
    const decoder = createAwsEventStreamDecoder();
    expect(decoder.push(message.subarray(0, 5))).toEqual([]);
    expect(decoder.push(message.subarray(5, message.length - 1))).toEqual([]);
    expect(decoder.push(message.subarray(message.length - 1))).toHaveLength(1);
    expect(decoder.end()).toEqual([]);
  });

  it('does not hand out payloads that later bytes overwrite', () => {
    const first = encodeAwsEventStreamMessage({ ':event-type': 'one' }, 'first payload');
    const second = encodeAwsEventStreamMessage({ ':event-type': 'two' }, 'second payload, longer than the first');
    const decoder = createAwsEventStreamDecoder();
    const [decoded] = decoder.push(concat([first, second.subarray(0, 3)]));
    decoder.push(second.subarray(3));
    expect(new TextDecoder().decode(decoded!.payload)).toBe('first payload');
  });

  it('throws a clear error on a corrupted payload (message CRC)', () => {
    const message = encodeAwsEventStreamMessage({ ':event-type': 'x' }, '{"text":"hello"}');
    const corrupted = message.slice();
    corrupted[message.length - 8]! ^= 0x01;
    expect(() => createAwsEventStreamDecoder().push(corrupted)).toThrow(/message CRC mismatch/);
  });

  it('throws a clear error on a corrupted prelude before waiting for the length it claims', () => {
    const message = encodeAwsEventStreamMessage({ ':event-type': 'x' }, '{}');
    const corrupted = message.slice();
    corrupted[1]! ^= 0x40;
    expect(() => createAwsEventStreamDecoder().push(corrupted.subarray(0, 12))).toThrow(/prelude CRC mismatch/);
  });

  it('throws when the stream ends in the middle of a message', () => {
    const message = encodeAwsEventStreamMessage({ ':event-type': 'x' }, '{}');
    const decoder = createAwsEventStreamDecoder();
    decoder.push(message.subarray(0, 20));
    expect(() => decoder.end()).toThrow(/ended in the middle of a message \(20 bytes left over\)/);
  });

  it('rejects an unknown header type', () => {
    const message = encodeAwsEventStreamMessage({ a: 'b' }, '');
    const corrupted = message.slice();
    corrupted[12 + 1 + 1] = 42; // the type byte of header "a"
    const view = new DataView(corrupted.buffer);
    view.setUint32(corrupted.length - 4, tableCrc32(corrupted.subarray(0, corrupted.length - 4)));
    expect(() => decodeChunks([corrupted])).toThrow(/unknown header type 42/);
  });
});

describe.skipIf(!fixturesAvailable)('createAwsEventStreamDecoder on recorded Bedrock streams', () => {
  const streams = recordedFiles('.eventstream');
  const decodedFiles = new Map(recordedFiles('.ndjson').map((file) => [file.name, file.bytes]));

  it('finds the recorded streams', () => {
    expect(streams.length).toBeGreaterThan(0);
  });

  it.each(streams.map((stream) => [stream.name, stream] as const))('decodes %s at every split offset', (name, stream) => {
    const ndjson = decodedFiles.get(name.replace(/\.eventstream$/, '.ndjson'));
    expect(ndjson, 'the decoded .ndjson beside it').toBeDefined();
    const expected = new TextDecoder()
      .decode(ndjson)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as unknown);

    const whole = decodeChunks([stream.bytes]);
    expect(whole.map(asNdjsonLine)).toEqual(expected);
    for (const message of whole) {
      expect(message.headers[':message-type']).toBe('event');
      expect(message.headers[':content-type']).toBe('application/json');
    }

    const expectedHeaders = whole.map((message) => message.headers);
    for (let offset = 0; offset <= stream.bytes.length; offset += 1) {
      const messages = decodeChunks([stream.bytes.subarray(0, offset), stream.bytes.subarray(offset)]);
      if (messages.length !== whole.length) expect(messages.length, `split at byte ${offset}`).toBe(whole.length);
      for (let index = 0; index < messages.length; index++) {
        if (Buffer.compare(messages[index]!.payload, whole[index]!.payload) !== 0) {
          expect(messages[index]!.payload, `split at byte ${offset}, message ${index}`).toEqual(whole[index]!.payload);
        }
      }
      expect(messages.map((message) => message.headers)).toEqual(expectedHeaders);
    }
    const oneByteChunks = Array.from({ length: stream.bytes.length }, (_, index) => stream.bytes.subarray(index, index + 1));
    expect(decodeChunks(oneByteChunks).map(asNdjsonLine)).toEqual(expected);
  });

  it.each(streams.map((stream) => [stream.name, stream] as const))('rejects %s with one flipped byte', (_name, stream) => {
    for (const position of [3, 10, 40, Math.floor(stream.bytes.length / 2), stream.bytes.length - 1]) {
      const corrupted = stream.bytes.slice();
      corrupted[position]! ^= 0x20;
      expect(() => decodeChunks([corrupted]), `byte ${position} flipped`).toThrow(/CRC mismatch|impossible/);
    }
  });
});
