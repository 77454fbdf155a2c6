/** One SSE event's `data:` payload: a parsed JSON chunk, or the `[DONE]` sentinel. */
export type ChatSseData = { done: true } | { done: false; chunk: any };

/** Splits a whole Chat Completions SSE body into its data payloads, in order; comments and blank events are skipped. */
export function readChatSse(body: string): ChatSseData[] {
  const payloads: ChatSseData[] = [];
  for (const event of body.split(/\r\n\r\n|\n\n|\r\r/)) {
    const data = event
      .split(/\r\n|\n|\r/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''))
      .join('\n');
    if (data === '') continue;
    payloads.push(data === '[DONE]' ? { done: true } : { done: false, chunk: JSON.parse(data) });
  }
  return payloads;
}
