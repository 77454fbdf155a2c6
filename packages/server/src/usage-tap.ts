import type { Usage } from '@switchyard/core';

const tailBytes = 16 * 1024;
const headBytes = 1024;

/**
 * Reads usage from passthrough bytes without decoding them: it keeps the first KiB (where
 * OpenAI puts `model`) and the last 16 KiB (where it puts `usage`, in the final chunk of a
 * stream or near the end of a JSON answer), and at the end parses only those objects, off the
 * path of the bytes already sent.
 */
export class UsageTap {
  private head = '';
  private chunks: Uint8Array[] = [];
  private size = 0;

  push(chunk: Uint8Array): void {
    if (this.head.length < headBytes) this.head += Buffer.from(chunk.buffer, chunk.byteOffset, Math.min(chunk.byteLength, headBytes)).toString('latin1');
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
    if (this.size > 2 * tailBytes) {
      // Compact now and then rather than per chunk: amortised O(1) whatever the chunk size.
      const joined = Buffer.concat(this.chunks);
      this.chunks = [joined.subarray(joined.byteLength - tailBytes)];
      this.size = tailBytes;
    }
  }

  /** OpenAI-shaped usage plus the answering model, or nothing when none was seen. */
  read(): { usage?: Usage; model?: string } {
    const result: { usage?: Usage; model?: string } = {};
    const model = /"model"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(this.head);
    if (model) result.model = JSON.parse(`"${model[1]}"`);
    const tail = Buffer.concat(this.chunks).toString('utf8');
    const usage = lastUsageObject(tail);
    if (usage && typeof usage.prompt_tokens === 'number') {
      result.usage = {
        input: usage.prompt_tokens,
        output: usage.completion_tokens ?? 0,
        total: usage.total_tokens ?? usage.prompt_tokens + (usage.completion_tokens ?? 0),
        cachedInput: usage.prompt_tokens_details?.cached_tokens,
        reasoning: usage.completion_tokens_details?.reasoning_tokens,
        raw: usage,
      };
    }
    return result;
  }
}

/** The last `"usage": {...}` object in the text, found by matching braces outside strings. */
function lastUsageObject(text: string): Record<string, any> | undefined {
  let at = text.length;
  while ((at = text.lastIndexOf('"usage"', at - 1)) !== -1) {
    let start = at + 7;
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
  return undefined;
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
