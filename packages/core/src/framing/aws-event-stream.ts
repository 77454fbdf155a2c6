import * as zlib from 'node:zlib';

/**
 * A decoded header value. The wire has ten types (https://smithy.io/2.0/aws/amazon-eventstream.html):
 * bool true / false -> boolean; byte, short, integer -> number; long and timestamp (milliseconds
 * since the epoch) -> number, or bigint when the long is beyond 2^53; byte array -> Uint8Array;
 * string -> string; uuid -> its 8-4-4-4-12 hex string.
 */
export type AwsEventStreamHeaderValue = string | number | boolean | bigint | Uint8Array;

/** One `application/vnd.amazon.eventstream` message: Bedrock's `:message-type`, `:event-type`, … headers and the payload bytes. */
export interface AwsEventStreamMessage {
  headers: Record<string, AwsEventStreamHeaderValue>;
  payload: Uint8Array;
}

/**
 * A header value to encode, with its wire type. A bare string encodes as a string, a boolean as
 * bool, a Uint8Array as a byte array, a number as an integer (or a long outside the int32 range).
 */
export type AwsEventStreamHeaderInput =
  | string
  | boolean
  | number
  | Uint8Array
  | { type: 'byte' | 'short' | 'integer' | 'long' | 'timestamp'; value: number | bigint }
  | { type: 'uuid'; value: string };

/** An incremental event-stream decoder: feed it bytes as they arrive, get the messages completed so far. */
export interface AwsEventStreamDecoder {
  /**
   * Decodes what the chunk completes. Throws on a CRC mismatch or an impossible length: the
   * stream is corrupt then, do not push more.
   */
  push(chunk: Uint8Array): AwsEventStreamMessage[];
  /** Ends the stream; throws when it stopped in the middle of a message. */
  end(): AwsEventStreamMessage[];
}

const preludeLength = 12;
const checksumLength = 4;
const minimumMessageLength = preludeLength + checksumLength;
// The format's own limits: 16 MiB per message, 128 KiB of headers. A larger length means a corrupt prelude.
const maximumMessageLength = 16 * 1024 * 1024;
const maximumHeadersLength = 128 * 1024;

const textEncoder = new TextEncoder();
const text = new TextDecoder('utf-8', { fatal: true });

const headerType = {
  boolTrue: 0,
  boolFalse: 1,
  byte: 2,
  short: 3,
  integer: 4,
  long: 5,
  byteArray: 6,
  string: 7,
  timestamp: 8,
  uuid: 9,
} as const;

/**
 * Decodes AWS event-stream framing (Bedrock ConverseStream, Transcribe, …): each message is a
 * 12-byte prelude (total length and headers length, u32 big-endian, then the prelude's CRC32),
 * the headers, the payload and a CRC32 of everything before it. Chunks may be cut at any byte.
 */
export function createAwsEventStreamDecoder(): AwsEventStreamDecoder {
  let buffer = new Uint8Array(0);
  let start = 0;
  let end = 0;
  let offset = 0;

  function append(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (end + chunk.length > buffer.length) {
      const kept = end - start;
      const needed = kept + chunk.length;
      // Reuse the buffer when compacting frees enough room; otherwise grow geometrically.
      const next = needed <= buffer.length ? buffer : new Uint8Array(Math.max(needed, buffer.length * 2, 1024));
      if (next === buffer) buffer.copyWithin(0, start, end);
      else next.set(buffer.subarray(start, end), 0);
      buffer = next;
      end = kept;
      start = 0;
    }
    buffer.set(chunk, end);
    end += chunk.length;
  }

  function decodeAvailable(): AwsEventStreamMessage[] {
    const messages: AwsEventStreamMessage[] = [];
    while (end - start >= preludeLength) {
      const view = new DataView(buffer.buffer, buffer.byteOffset + start, end - start);
      const totalLength = view.getUint32(0);
      const headersLength = view.getUint32(4);
      const preludeChecksum = view.getUint32(8);
      // The prelude is checked first, so a corrupt length is reported instead of waiting for bytes that never come.
      const computedPrelude = crc32(buffer.subarray(start, start + 8));
      if (computedPrelude !== preludeChecksum) {
        throw new Error(
          `AWS event stream: prelude CRC mismatch in the message at byte ${offset} (expected ${hex(preludeChecksum)}, computed ${hex(computedPrelude)})`,
        );
      }
      if (totalLength < minimumMessageLength || totalLength > maximumMessageLength) {
        throw new Error(`AWS event stream: impossible message length ${totalLength} at byte ${offset}`);
      }
      if (headersLength > maximumHeadersLength || headersLength > totalLength - minimumMessageLength) {
        throw new Error(`AWS event stream: impossible headers length ${headersLength} at byte ${offset}`);
      }
      if (end - start < totalLength) break;

      const message = buffer.subarray(start, start + totalLength);
      const messageChecksum = view.getUint32(totalLength - checksumLength);
      const computedMessage = crc32(message.subarray(0, totalLength - checksumLength));
      if (computedMessage !== messageChecksum) {
        throw new Error(
          `AWS event stream: message CRC mismatch in the message at byte ${offset} (expected ${hex(messageChecksum)}, computed ${hex(computedMessage)})`,
        );
      }
      const headers = decodeHeaders(message.subarray(preludeLength, preludeLength + headersLength), offset);
      // A copy: the buffer is reused for the next bytes.
      const payload = message.slice(preludeLength + headersLength, totalLength - checksumLength);
      messages.push({ headers, payload });
      start += totalLength;
      offset += totalLength;
    }
    if (start === end) start = end = 0;
    return messages;
  }

  return {
    push(chunk) {
      append(chunk);
      return decodeAvailable();
    },
    end() {
      const messages = decodeAvailable();
      const left = end - start;
      start = end = 0;
      offset = 0;
      if (left > 0) throw new Error(`AWS event stream: the stream ended in the middle of a message (${left} bytes left over)`);
      return messages;
    },
  };
}

function decodeHeaders(bytes: Uint8Array, messageOffset: number): Record<string, AwsEventStreamHeaderValue> {
  const headers: Record<string, AwsEventStreamHeaderValue> = {};
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let position = 0;
  const need = (count: number) => {
    if (position + count > bytes.length) {
      throw new Error(`AWS event stream: a header runs past the headers section in the message at byte ${messageOffset}`);
    }
  };
  while (position < bytes.length) {
    need(1);
    const nameLength = view.getUint8(position);
    position += 1;
    need(nameLength + 1);
    const name = text.decode(bytes.subarray(position, position + nameLength));
    position += nameLength;
    const type = view.getUint8(position);
    position += 1;
    switch (type) {
      case headerType.boolTrue:
        headers[name] = true;
        break;
      case headerType.boolFalse:
        headers[name] = false;
        break;
      case headerType.byte:
        need(1);
        headers[name] = view.getInt8(position);
        position += 1;
        break;
      case headerType.short:
        need(2);
        headers[name] = view.getInt16(position);
        position += 2;
        break;
      case headerType.integer:
        need(4);
        headers[name] = view.getInt32(position);
        position += 4;
        break;
      case headerType.long:
      case headerType.timestamp: {
        need(8);
        const value = view.getBigInt64(position);
        headers[name] = value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
        position += 8;
        break;
      }
      case headerType.byteArray:
      case headerType.string: {
        need(2);
        const length = view.getUint16(position);
        position += 2;
        need(length);
        const value = bytes.slice(position, position + length);
        headers[name] = type === headerType.string ? text.decode(value) : value;
        position += length;
        break;
      }
      case headerType.uuid:
        need(16);
        headers[name] = formatUuid(bytes.subarray(position, position + 16));
        position += 16;
        break;
      default:
        throw new Error(`AWS event stream: unknown header type ${type} for "${name}" in the message at byte ${messageOffset}`);
    }
  }
  return headers;
}

/** Encodes one event-stream message (for mocks and tests; the gateway only decodes). */
export function encodeAwsEventStreamMessage(
  headers: Record<string, AwsEventStreamHeaderInput>,
  payload: Uint8Array | string,
): Uint8Array {
  const body = typeof payload === 'string' ? textEncoder.encode(payload) : payload;
  const headerBytes = encodeHeaders(headers);
  const totalLength = preludeLength + headerBytes.length + body.length + checksumLength;
  const message = new Uint8Array(totalLength);
  const view = new DataView(message.buffer);
  view.setUint32(0, totalLength);
  view.setUint32(4, headerBytes.length);
  view.setUint32(8, crc32(message.subarray(0, 8)));
  message.set(headerBytes, preludeLength);
  message.set(body, preludeLength + headerBytes.length);
  view.setUint32(totalLength - checksumLength, crc32(message.subarray(0, totalLength - checksumLength)));
  return message;
}

function encodeHeaders(headers: Record<string, AwsEventStreamHeaderInput>): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const [name, input] of Object.entries(headers)) {
    const nameBytes = textEncoder.encode(name);
    if (nameBytes.length > 255) throw new Error(`AWS event stream: header name "${name}" is longer than 255 bytes`);
    parts.push(Uint8Array.of(nameBytes.length), nameBytes);
    parts.push(encodeHeaderValue(name, input));
  }
  const size = parts.reduce((sum, part) => sum + part.length, 0);
  const bytes = new Uint8Array(size);
  let position = 0;
  for (const part of parts) {
    bytes.set(part, position);
    position += part.length;
  }
  return bytes;
}

function encodeHeaderValue(name: string, input: AwsEventStreamHeaderInput): Uint8Array {
  if (typeof input === 'boolean') return Uint8Array.of(input ? headerType.boolTrue : headerType.boolFalse);
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const value = typeof input === 'string' ? textEncoder.encode(input) : input;
    if (value.length > 0xffff) throw new Error(`AWS event stream: header "${name}" is longer than 65535 bytes`);
    const bytes = new Uint8Array(3 + value.length);
    bytes[0] = typeof input === 'string' ? headerType.string : headerType.byteArray;
    new DataView(bytes.buffer).setUint16(1, value.length);
    bytes.set(value, 3);
    return bytes;
  }
  if (typeof input === 'number') {
    const fitsInteger = Number.isInteger(input) && input >= -0x80000000 && input <= 0x7fffffff;
    return encodeHeaderValue(name, { type: fitsInteger ? 'integer' : 'long', value: input });
  }
  if (input.type === 'uuid') {
    const hexDigits = input.value.replace(/-/g, '');
    if (!/^[0-9a-f]{32}$/i.test(hexDigits)) throw new Error(`AWS event stream: header "${name}" is not a uuid`);
    const bytes = new Uint8Array(17);
    bytes[0] = headerType.uuid;
    for (let index = 0; index < 16; index++) bytes[1 + index] = Number.parseInt(hexDigits.slice(index * 2, index * 2 + 2), 16);
    return bytes;
  }
  const sizes = { byte: 1, short: 2, integer: 4, long: 8, timestamp: 8 } as const;
  const bytes = new Uint8Array(1 + sizes[input.type]);
  const view = new DataView(bytes.buffer);
  bytes[0] = headerType[input.type];
  if (input.type === 'long' || input.type === 'timestamp') {
    view.setBigInt64(1, BigInt(input.value));
  } else {
    const value = Number(input.value);
    if (input.type === 'byte') view.setInt8(1, value);
    else if (input.type === 'short') view.setInt16(1, value);
    else view.setInt32(1, value);
  }
  return bytes;
}

function formatUuid(bytes: Uint8Array): string {
  const digits = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`;
}

function hex(value: number): string {
  return `0x${value.toString(16).padStart(8, '0')}`;
}

// node:zlib has crc32 from Node 20.15 / 22.2; older runtimes get the table version below.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, the one zlib and the event-stream format use). */
export function crc32(bytes: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(bytes) >>> 0;
  return tableCrc32(bytes);
}

/** The portable CRC-32, exported for tests that compare it with node:zlib's. */
export function tableCrc32(bytes: Uint8Array): number {
  crcTable ??= buildCrcTable();
  let crc = 0xffffffff;
  for (let index = 0; index < bytes.length; index++) crc = crcTable[(crc ^ bytes[index]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function buildCrcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let index = 0; index < 256; index++) {
    let value = index;
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
    table[index] = value >>> 0;
  }
  return table;
}
