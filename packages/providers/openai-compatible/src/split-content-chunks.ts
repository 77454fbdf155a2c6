/**
 * Content given as an array of typed chunks (Mistral) → its text and its reasoning: `text`
 * chunks are text, `thinking` chunks (`{ type: 'thinking', thinking: [{ type: 'text', text }] }`)
 * are reasoning. Other chunk types (references, images) carry no text and are left out.
 */
export function splitContentChunks(content: unknown[]): { text: string; reasoning: string } {
  let text = '';
  let reasoning = '';
  for (const chunk of content) {
    if (typeof chunk === 'string') text += chunk;
    if (!isObject(chunk)) continue;
    if (chunk.type === 'text' && typeof chunk.text === 'string') text += chunk.text;
    if (chunk.type === 'thinking') {
      const inner = Array.isArray(chunk.thinking) ? chunk.thinking : [];
      for (const piece of inner) if (isObject(piece) && typeof piece.text === 'string') reasoning += piece.text;
    }
  }
  return { text, reasoning };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
