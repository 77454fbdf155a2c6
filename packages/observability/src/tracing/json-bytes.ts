/**
 * A growable byte buffer that JSON is written into piece by piece. The OTLP encoder writes spans
 * through it rather than concatenating strings: a batch of spans built as one string left V8 a
 * deep rope to flatten and a few kilobytes of garbage per request, both costlier than the encoding.
 */
export class JsonBytes {
  private buffer: Buffer;
  length = 0;

  /** `reuse`, when given and large enough, is written into instead of a new buffer (its old bytes are overwritten). */
  constructor(capacity: number, reuse?: Buffer) {
    this.buffer = reuse && reuse.length >= capacity ? reuse : Buffer.allocUnsafe(Math.max(64, capacity));
  }

  /** Text known to be ASCII (the encoder's own punctuation, keys, digits, hex ids). */
  ascii(text: string): void {
    this.reserve(text.length);
    const { buffer } = this;
    let length = this.length;
    for (let index = 0; index < text.length; index += 1) buffer[length++] = text.charCodeAt(index);
    this.length = length;
  }

  bytes(chunk: Uint8Array): void {
    this.reserve(chunk.length);
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
  }

  /** A JSON string literal, quotes included. Plain ASCII is copied as is; anything else goes through JSON.stringify. */
  string(text: string): void {
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code < 0x20 || code > 0x7e || code === 0x22 || code === 0x5c) {
        const json = JSON.stringify(text);
        // Worst case three UTF-8 bytes per UTF-16 unit.
        this.reserve(json.length * 3);
        this.length += this.buffer.write(json, this.length, 'utf8');
        return;
      }
    }
    this.reserve(text.length + 2);
    this.buffer[this.length++] = 0x22;
    this.ascii(text);
    this.buffer[this.length++] = 0x22;
  }

  /** A non-negative integer below 10^6, as exactly `width` digits (leading zeros kept). */
  digits(value: number, width: number): void {
    this.reserve(width);
    for (let place = width - 1; place >= 0; place -= 1) {
      this.buffer[this.length + place] = 0x30 + (value % 10);
      value = Math.floor(value / 10);
    }
    this.length += width;
  }

  /** What was written, as one body (a view of the buffer, not a copy). */
  view(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  /** The whole buffer written into (a larger one once it grew): what a later body may reuse. */
  backing(): Buffer {
    return this.buffer;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }
}
