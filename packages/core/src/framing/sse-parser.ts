import type { SseEvent } from './sse-event.js';

/** An incremental Server-Sent Events parser: feed it chunks as they arrive, get the frames completed so far. */
export interface SseParser {
  /** Parses one chunk; the frames it completed come back in order. Feed bytes or text, not both. */
  push(chunk: Uint8Array | string): SseEvent[];
  /** Ends the stream: parses an unterminated last line and returns a last frame that had data. */
  end(): SseEvent[];
}

const lineFeed = 10;
const carriageReturn = 13;
const space = 32;

/**
 * Parses `text/event-stream` per the WHATWG rules (https://html.spec.whatwg.org/multipage/server-sent-events.html):
 * lines end in LF, CRLF or CR, and a chunk may end anywhere, even inside a UTF-8 character or between
 * the CR and LF of one line break. Unlike a browser it keeps what a gateway must reproduce: event
 * names, ids and retry per frame, and comments (pings) as frames of their own.
 */
export function createSseParser(): SseParser {
  // `fatal: false` replaces broken bytes instead of failing the stream; the BOM is dropped as WHATWG asks.
  let decoder = new TextDecoder('utf-8');
  // Pieces of a line whose end has not arrived yet, joined once the line is complete, so a
  // stream fed in tiny chunks costs no repeated concatenation.
  let unfinishedLine: string[] = [];
  // A chunk ended in CR: a LF starting the next one belongs to the same line break.
  let skipNextLineFeed = false;

  let data: string | undefined;
  let event: string | undefined;
  let id: string | undefined;
  let retry: number | undefined;

  function dispatch(frames: SseEvent[]): void {
    if (data !== undefined) {
      const frame: SseEvent = event === undefined ? { data } : { event, data };
      if (id !== undefined) frame.id = id;
      if (retry !== undefined) frame.retry = retry;
      frames.push(frame);
    }
    data = undefined;
    event = undefined;
    id = undefined;
    retry = undefined;
  }

  function parseLine(line: string, frames: SseEvent[]): void {
    if (line.length === 0) {
      dispatch(frames);
      return;
    }
    const colon = line.indexOf(':');
    if (colon === 0) {
      // Pings and keep-alives go out at once: they carry no data and must not wait for a blank line.
      const comment = line.charCodeAt(1) === space ? line.slice(2) : line.slice(1);
      frames.push({ data: '', comment });
      return;
    }
    let field: string;
    let value: string;
    if (colon === -1) {
      field = line;
      value = '';
    } else {
      field = line.slice(0, colon);
      value = line.charCodeAt(colon + 1) === space ? line.slice(colon + 2) : line.slice(colon + 1);
    }
    switch (field) {
      case 'data':
        data = data === undefined ? value : `${data}\n${value}`;
        break;
      case 'event':
        event = value;
        break;
      case 'id':
        // WHATWG ignores an id holding NUL, so a client would never see it either.
        if (!value.includes('\0')) id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) retry = Number(value);
        break;
      default:
        // Unknown fields are ignored, as the standard says.
        break;
    }
  }

  function parseText(text: string, frames: SseEvent[]): void {
    if (text.length === 0) return;
    let position = 0;
    if (skipNextLineFeed) {
      skipNextLineFeed = false;
      if (text.charCodeAt(0) === lineFeed) position = 1;
    }
    // Both searches are remembered, so a text without any CR is scanned for CR once, not once per line.
    let nextLineFeed = text.indexOf('\n', position);
    let nextCarriageReturn = text.indexOf('\r', position);
    for (;;) {
      if (nextLineFeed !== -1 && nextLineFeed < position) nextLineFeed = text.indexOf('\n', position);
      if (nextCarriageReturn !== -1 && nextCarriageReturn < position) {
        nextCarriageReturn = text.indexOf('\r', position);
      }
      let lineEnd: number;
      if (nextLineFeed === -1) {
        if (nextCarriageReturn === -1) break;
        lineEnd = nextCarriageReturn;
      } else {
        lineEnd = nextCarriageReturn !== -1 && nextCarriageReturn < nextLineFeed ? nextCarriageReturn : nextLineFeed;
      }
      let line = text.slice(position, lineEnd);
      if (unfinishedLine.length > 0) {
        unfinishedLine.push(line);
        line = unfinishedLine.join('');
        unfinishedLine = [];
      }
      position = lineEnd + 1;
      if (text.charCodeAt(lineEnd) === carriageReturn) {
        if (position === text.length) skipNextLineFeed = true;
        else if (text.charCodeAt(position) === lineFeed) position += 1;
      }
      parseLine(line, frames);
    }
    if (position < text.length) unfinishedLine.push(position === 0 ? text : text.slice(position));
  }

  return {
    push(chunk) {
      const frames: SseEvent[] = [];
      parseText(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }), frames);
      return frames;
    },
    end() {
      const frames: SseEvent[] = [];
      parseText(decoder.decode(), frames);
      if (unfinishedLine.length > 0) {
        const line = unfinishedLine.join('');
        unfinishedLine = [];
        parseLine(line, frames);
      }
      // A browser drops an unterminated last frame; a gateway relaying a cut stream keeps what it got.
      dispatch(frames);
      decoder = new TextDecoder('utf-8');
      skipNextLineFeed = false;
      return frames;
    },
  };
}
