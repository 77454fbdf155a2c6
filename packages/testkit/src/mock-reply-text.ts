/**
 * The text rules every mock's reply plan shares, so one convention holds across providers: a
 * token is a whitespace-separated word, the reply echoes the user, and "call tools" asks for
 * tool calls. Tests predict usage and content from the request text alone.
 */

/** Whitespace-separated words in `text`: what the mocks count as tokens. */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

// Leading whitespace stays with its word, so the pieces concatenate back to the exact text.
export function splitWords(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

/** The text reply to `text`: `echo: <text>`, with no trailing space when there is nothing to echo. */
export function echoText(text: string): string {
  return `echo: ${text}`.trimEnd();
}

/**
 * `pieces` cut or padded to exactly `words` words. Padding repeats the words after `echo:`
 * (or `echo` when there are none), so a sized reply still reads as an echo.
 */
export function sizeReply(pieces: string[], words: number): string[] {
  if (words <= pieces.length) return pieces.slice(0, words);
  const filler = pieces.length > 1 ? pieces.slice(1).map((piece) => piece.trim()) : ['echo'];
  const sized = pieces.slice();
  for (let index = 0; sized.length < words; index++) sized.push(` ${filler[index % filler.length]}`);
  return sized;
}

/**
 * The text of a Chat Completions or Messages `content` (or tool-result content): the string
 * itself, or its `type: 'text'` parts joined with a space.
 */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((part: any) => part?.type === 'text' && typeof part.text === 'string')
    .map((part: any) => part.text)
    .join(' ');
}

export function lastUserMessage(messages: any[]): any {
  return messages.findLast((message) => message?.role === 'user');
}

/** Whether a user text asks a mock to call the offered tools: it contains "call tools", in any case. */
export function asksForToolCalls(text: string): boolean {
  return text.toLowerCase().includes('call tools');
}
