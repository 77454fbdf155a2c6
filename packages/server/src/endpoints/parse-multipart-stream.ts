import { InvalidRequestError } from '@switchyard/core';

/** One part of a multipart/form-data body; its `body` must be read (or left) before the next part is asked for. */
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  body: AsyncIterable<Uint8Array>;
}

const maxHeaderBytes = 16 * 1024;
const crlf = Buffer.from('\r\n');
const headerEnd = Buffer.from('\r\n\r\n');

/** The boundary of a `multipart/form-data` content type, or a 400 naming the header. */
export function multipartBoundary(contentType: string | undefined): string {
  const match = contentType && /^multipart\/form-data\b/i.test(contentType) ? /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType) : null;
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new InvalidRequestError('Expected a multipart/form-data body with a boundary (content-type).', { param: 'content-type' });
  return boundary;
}

/**
 * Reads a multipart/form-data body part by part as it arrives: a file part's bytes are handed on
 * as they come, never held whole (only a delimiter's length is kept back to find the next one).
 * A body that is not well-formed multipart gets a 400.
 */
export async function* parseMultipartStream(source: AsyncIterable<Uint8Array>, boundary: string): AsyncGenerator<MultipartPart> {
  const reader = new BufferedReader(source);
  // The first delimiter has no CRLF before it; prepending one lets every delimiter look alike.
  reader.buffer = Buffer.from(crlf);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  if (!(await reader.skipPast(delimiter))) throw malformed('no opening boundary');
  for (;;) {
    if (!(await reader.ensure(2))) throw malformed('the body ended after a boundary');
    if (reader.buffer[0] === 0x2d && reader.buffer[1] === 0x2d) {
      // The closing delimiter. The epilogue (usually a CRLF) is read and dropped, so the
      // connection ends clean and can carry the next request.
      while (await reader.fill()) reader.buffer = reader.buffer.subarray(reader.buffer.length);
      return;
    }
    const headersAt = await reader.indexOf(headerEnd, maxHeaderBytes);
    if (headersAt === -1) throw malformed('part headers not terminated');
    const headers = parseHeaders(reader.buffer.subarray(0, headersAt).toString('utf8'));
    reader.buffer = reader.buffer.subarray(headersAt + headerEnd.length);
    const disposition = headers['content-disposition'] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) throw malformed('a part has no content-disposition name');
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const body = new PartBody(reader, delimiter);
    yield { name, ...(filename !== undefined && { filename }), ...(headers['content-type'] && { contentType: headers['content-type'] }), body };
    await body.drain();
  }
}

function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function malformed(reason: string): InvalidRequestError {
  return new InvalidRequestError(`The multipart/form-data body is malformed: ${reason}.`, { param: 'file' });
}

/** The bytes of one part, up to the next delimiter. */
class PartBody implements AsyncIterable<Uint8Array> {
  private finished = false;
  constructor(
    private readonly reader: BufferedReader,
    private readonly delimiter: Buffer,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    const { reader, delimiter } = this;
    while (!this.finished) {
      const at = reader.buffer.indexOf(delimiter);
      if (at !== -1) {
        if (at > 0) yield reader.buffer.subarray(0, at);
        reader.buffer = reader.buffer.subarray(at + delimiter.length);
        this.finished = true;
        return;
      }
      // Everything but a possible delimiter start can go on now.
      const safe = reader.buffer.length - (delimiter.length - 1);
      if (safe > 0) {
        const piece = reader.buffer.subarray(0, safe);
        reader.buffer = reader.buffer.subarray(safe);
        yield piece;
      }
      if (!(await reader.fill())) throw malformed('the body ended inside a part');
    }
  }

  async drain(): Promise<void> {
    if (this.finished) return;
    for await (const _ of this) {
      // discarded: the route did not want the rest of this part
    }
  }
}

class BufferedReader {
  buffer: Buffer = Buffer.alloc(0);
  private readonly iterator: AsyncIterator<Uint8Array>;
  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Reads one more chunk into the buffer; false at the end of the body. */
  async fill(): Promise<boolean> {
    const next = await this.iterator.next();
    if (next.done) return false;
    this.buffer = this.buffer.length === 0 ? Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength) : Buffer.concat([this.buffer, next.value]);
    return true;
  }

  async ensure(length: number): Promise<boolean> {
    while (this.buffer.length < length) if (!(await this.fill())) return false;
    return true;
  }

  /** The position of `pattern`, reading until found or `limit` bytes are buffered (-1 then). */
  async indexOf(pattern: Buffer, limit: number): Promise<number> {
    for (;;) {
      const at = this.buffer.indexOf(pattern);
      if (at !== -1) return at;
      if (this.buffer.length > limit || !(await this.fill())) return -1;
    }
  }

  /** Drops everything through the first `pattern` (a preamble); false when it never comes. */
  async skipPast(pattern: Buffer): Promise<boolean> {
    for (;;) {
      const at = this.buffer.indexOf(pattern);
      if (at !== -1) {
        this.buffer = this.buffer.subarray(at + pattern.length);
        return true;
      }
      if (this.buffer.length > pattern.length) this.buffer = this.buffer.subarray(this.buffer.length - pattern.length);
      if (!(await this.fill())) return false;
    }
  }
}
