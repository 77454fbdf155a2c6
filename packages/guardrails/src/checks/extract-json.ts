/**
 * The JSON value in a text: the whole text, else the first ```json fenced block, else the
 * first {...} or [...] that parses. Models often wrap JSON in prose or a code fence.
 */
export function extractJson(text: string): { found: true; value: unknown } | { found: false } {
  const candidates = [text.trim()];
  const fenced = text.match(/```(?:json)?\s*\n([\s\S]*?)```/);
  if (fenced) candidates.push(fenced[1]!.trim());
  const start = text.search(/[{[]/);
  if (start >= 0) {
    const close = text[start] === '{' ? '}' : ']';
    candidates.push(text.slice(start, text.lastIndexOf(close) + 1));
  }
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      return { found: true, value: JSON.parse(candidate) };
    } catch {
      // try the next candidate
    }
  }
  return { found: false };
}
