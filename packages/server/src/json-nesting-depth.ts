/** Deeper than any real request (tool schemas nest a few dozen levels at most). */
export const maxJsonNestingDepth = 128;

const quote = 0x22;
const backslash = 0x5c;
const openBrace = 0x7b;
const openBracket = 0x5b;
const closeBrace = 0x7d;
const closeBracket = 0x5d;

/**
 * Whether a JSON text nests objects and arrays deeper than `max`, found by one pass over the
 * bytes before parsing: every later step that walks the value (validation, translation,
 * JSON.stringify) recurses, and 100k levels would overflow the stack there.
 */
export function exceedsJsonNestingDepth(bytes: Uint8Array, max = maxJsonNestingDepth): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    if (inString) {
      if (byte === backslash) index++;
      else if (byte === quote) inString = false;
    } else if (byte === quote) inString = true;
    else if (byte === openBrace || byte === openBracket) {
      if (++depth > max) return true;
    } else if (byte === closeBrace || byte === closeBracket) depth--;
  }
  return false;
}
