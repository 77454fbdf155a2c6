import type { Usage } from '@switchyard/core';

const tailBytes = 16 * 1024;
const headBytes = 4 * 1024;

/** What a front reads from the kept head and tail of a passthrough answer. */
export type PassthroughUsageReader = (head: string, tail: string) => { usage?: Usage; model?: string };

/**
 * Reads usage from passthrough bytes without decoding them: it keeps the first 4 KiB (where
 * the model and, for Anthropic, the starting usage are) and the last 16 KiB (where the final
 * usage is), and parses only those at the end, off the path of the bytes already sent.
 */
export class UsageTap {
  private head = '';
  private chunks: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly reader: PassthroughUsageReader) {}

  push(chunk: Uint8Array): void {
    if (this.head.length < headBytes) {
      this.head += Buffer.from(chunk.buffer, chunk.byteOffset, Math.min(chunk.byteLength, headBytes)).toString('utf8');
    }
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
    if (this.size > 2 * tailBytes) {
      // Compact now and then rather than per chunk: amortised O(1) whatever the chunk size.
      const joined = Buffer.concat(this.chunks);
      this.chunks = [joined.subarray(joined.byteLength - tailBytes)];
      this.size = tailBytes;
    }
  }

  read(): { usage?: Usage; model?: string } {
    return this.reader(this.head, Buffer.concat(this.chunks).toString('utf8'));
  }
}

/** The first non-empty string value of `"key": "…"` in the text. */
const stringFieldPatterns = new Map<string, RegExp>();

export function firstStringField(text: string, key: string): string | undefined {
  let pattern = stringFieldPatterns.get(key);
  if (!pattern) stringFieldPatterns.set(key, (pattern = new RegExp(`"${key}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'g')));
  // Azure's first stream chunk carries an empty model: the first non-empty one is the answer's.
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) && match[1] === '') {}
  if (!match) return undefined;
  try {
    return JSON.parse(`"${match[1]}"`);
  } catch {
    return undefined;
  }
}

/** The first (or last) `"key": {...}` object in the text, found by matching braces outside strings. */
export function findObjectField(text: string, key: string, which: 'first' | 'last'): Record<string, any> | undefined {
  const needle = `"${key}"`;
  let at = which === 'last' ? text.length : -1;
  while (true) {
    at = which === 'last' ? text.lastIndexOf(needle, at - 1) : text.indexOf(needle, at + 1);
    if (at === -1) return undefined;
    let start = at + needle.length;
    while (start < text.length && (text[start] === ' ' || text[start] === ':' || text[start] === '\n')) start++;
    if (text[start] !== '{') continue;
    const end = matchingBrace(text, start);
    if (end === -1) continue;
    try {
      return JSON.parse(text.slice(start, end + 1));
    } catch {
      continue;
    }
  }
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 92 /* \ */) index++;
      else if (char === 34 /* " */) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 123 /* { */) depth++;
    else if (char === 125 /* } */ && --depth === 0) return index;
  }
  return -1;
}
