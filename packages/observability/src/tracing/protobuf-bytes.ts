/**
 * A growable byte buffer that protobuf's wire format is written into field by field, for the OTLP
 * encoder. A nested message's length comes before its contents but is known only after them. A
 * span's length goes into a two-byte slot kept in front of it; the span moves by a byte when its
 * length needs one byte or three. The messages around all the spans of a body end only with the
 * body: room is kept at the start for their headers, which the body's finish writes there.
 */
export class ProtobufBytes {
  private buffer: Buffer;
  // The buffer's size, kept as a number: every write checks it, and a Buffer's `length` is a getter.
  private capacity: number;
  /** Where the body begins: past what was left unused of the room kept for the outer headers. */
  start = 0;
  length = 0;
  // Each open outer field as its tag and the position its contents start at, outermost first.
  private readonly outer: number[] = [];

  /** `reuse`, when given and large enough, is written into instead of a new buffer (its old bytes are overwritten). */
  constructor(capacity: number, reuse?: Buffer) {
    this.buffer = reuse && reuse.length >= capacity ? reuse : Buffer.allocUnsafe(Math.max(64, capacity));
    this.capacity = this.buffer.length;
  }

  /** One byte: a tag of a field numbered below 16, or a value below 128. */
  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  /** A varint of a non-negative integer below 2^32 (lengths, tags, enum values). */
  varint(value: number): void {
    this.reserve(5);
    const { buffer } = this;
    let length = this.length;
    while (value > 0x7f) {
      buffer[length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    buffer[length++] = value;
    this.length = length;
  }

  /** An int64 varint of a safe integer: two's complement over 64 bits, so a negative one takes ten bytes. */
  int64(value: number): void {
    this.reserve(10);
    // The two 32-bit halves, computed without BigInt; a negative value's high half wraps to its two's complement.
    let high = Math.floor(value / 0x1_0000_0000);
    let low = (value - high * 0x1_0000_0000) >>> 0;
    high >>>= 0;
    const { buffer } = this;
    let length = this.length;
    while (high !== 0 || low > 0x7f) {
      buffer[length++] = (low & 0x7f) | 0x80;
      low = ((low >>> 7) | (high << 25)) >>> 0;
      high >>>= 7;
    }
    buffer[length++] = low;
    this.length = length;
  }

  /** Four bytes, little-endian, of a non-negative integer below 2^32 (half of a fixed64). */
  fixed32(value: number): void {
    this.reserve(4);
    const { buffer } = this;
    const length = this.length;
    buffer[length] = value;
    buffer[length + 1] = value >>> 8;
    buffer[length + 2] = value >>> 16;
    buffer[length + 3] = value >>> 24;
    this.length = length + 4;
  }

  /** A double as eight bytes, little-endian. */
  double(value: number): void {
    this.reserve(8);
    this.length = this.buffer.writeDoubleLE(value, this.length);
  }

  bytes(chunk: Uint8Array): void {
    this.reserve(chunk.length);
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
  }

  /** Text as UTF-8; `size` is its `utf8Size`. */
  utf8(text: string, size: number): void {
    this.reserve(size);
    // The length is read once: strings of several representations come here (flat, sliced,
    // concatenated), which makes each `.length` a megamorphic load.
    const characters = text.length;
    if (size === characters && size < shortText) {
      // ASCII, and short: copying the codes beats a call into the runtime.
      const { buffer } = this;
      let length = this.length;
      for (let index = 0; index < characters; index += 1) buffer[length++] = text.charCodeAt(index);
      this.length = length;
      return;
    }
    // Longer text in one native copy: a JS loop over a concatenated string (a trace id made by a
    // template) reads each character through the runtime. ASCII is its own Latin-1 encoding.
    this.length += this.buffer.write(text, this.length, size, size === characters ? 'latin1' : 'utf8');
  }

  /** Hexadecimal digits as the bytes they spell, two digits a byte (ids); a character that is not one counts as 0. */
  hex(text: string): void {
    // A loop here costs less than Buffer#write's validation and call into the runtime, for ids.
    const digits = text.length;
    this.reserve(digits >>> 1);
    const { buffer } = this;
    let length = this.length;
    for (let index = 0; index + 1 < digits; index += 2) buffer[length++] = (nibbles[text.charCodeAt(index) & 0x7f]! << 4) | nibbles[text.charCodeAt(index + 1) & 0x7f]!;
    this.length = length;
  }

  /** Copies the last `count` bytes written into `target` (an id just written, kept for reuse). */
  copyLast(count: number, target: Uint8Array): void {
    const { buffer } = this;
    const from = this.length - count;
    for (let index = 0; index < count; index += 1) target[index] = buffer[from + index]!;
  }

  /** Starts a length-delimited field whose length is known once its contents are written; `close` takes what this returns. */
  open(tag: number): number {
    this.reserve(1 + slot);
    this.buffer[this.length] = tag;
    this.length += 1 + slot;
    return this.length;
  }

  /** Writes the length of the field `open` started, moving its contents when the length does not take two bytes. */
  close(contents: number): void {
    const size = this.length - contents;
    const needed = varintSize(size);
    if (needed !== slot) {
      this.reserve(needed - slot);
      this.buffer.copyWithin(contents + needed - slot, contents, this.length);
      this.length += needed - slot;
    }
    let at = contents - slot;
    let value = size;
    while (value > 0x7f) {
      this.buffer[at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.buffer[at] = value;
  }

  /**
   * Starts a length-delimited field that runs to the end of the body, its header written by
   * `closeOuter` once the body is finished. Whatever precedes it is moved then: only a few bytes
   * should (an outer message's own header and leading fields).
   */
  openOuter(tag: number): void {
    this.reserve(outerRoom);
    this.length += outerRoom;
    this.outer.push(tag, this.length);
  }

  /** Ends the innermost open outer field at the end of the body written so far. */
  closeOuter(): void {
    const contents = this.outer.pop()!;
    const tag = this.outer.pop()!;
    const size = this.length - contents;
    const header = contents - 1 - varintSize(size);
    // The header sits right before the contents; what came before the room closes up behind it.
    const gap = header - (contents - outerRoom);
    if (gap > 0) {
      this.buffer.copyWithin(this.start + gap, this.start, contents - outerRoom);
      this.start += gap;
      for (let index = 1; index < this.outer.length; index += 2) this.outer[index]! += gap;
    }
    const { buffer } = this;
    buffer[header] = tag;
    let at = header + 1;
    let value = size;
    while (value > 0x7f) {
      buffer[at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    buffer[at] = value;
  }

  /** What was written, as one body (a view of the buffer, not a copy). */
  view(): Buffer {
    return this.buffer.subarray(this.start, this.length);
  }

  /** The whole buffer written into (a larger one once it grew): what a later body may reuse. */
  backing(): Buffer {
    return this.buffer;
  }

  // Small enough to be inlined into every write; growing is the rare case, apart.
  private reserve(extra: number): void {
    if (this.length + extra > this.capacity) this.grow(extra);
  }

  private grow(extra: number): void {
    this.capacity = Math.max(this.capacity * 2, this.length + extra);
    const larger = Buffer.allocUnsafe(this.capacity);
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }
}

// A span's length takes two bytes (up to 16 KiB) unless it carries message content.
const slot = 2;
// An outer header: a one-byte tag and a length of up to five bytes.
const outerRoom = 6;

/** The bytes a varint of a non-negative integer below 2^32 takes. */
export function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x20_0000 ? 3 : value < 0x1000_0000 ? 4 : 5;
}

/** The bytes `ProtobufBytes.int64` takes for a safe integer. */
export function int64Size(value: number): number {
  if (value < 0) return 10;
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 0x80);
    size += 1;
  }
  return size;
}

/** The bytes of text's UTF-8 encoding (a lone surrogate takes three: it is written as U+FFFD). */
export function utf8Size(text: string): number {
  const length = text.length;
  if (length < shortText) {
    for (let index = 0; index < length; index += 1) if (text.charCodeAt(index) > 0x7f) return Buffer.byteLength(text, 'utf8');
    return length;
  }
  return Buffer.byteLength(text, 'utf8');
}

// Text shorter than this is measured and copied character by character; longer text natively.
const shortText = 16;

const nibbles = new Uint8Array(128);
for (let digit = 0; digit < 16; digit += 1) {
  nibbles['0123456789abcdef'.charCodeAt(digit)] = digit;
  nibbles['0123456789ABCDEF'.charCodeAt(digit)] = digit;
}
