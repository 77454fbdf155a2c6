import type { SseEvent } from './sse-event.js';

// Any of the three SSE line endings; a raw CR left in a value would start a new field on the client.
const lineBreak = /\r\n|\r|\n/;

/**
 * The exact wire text of one frame, ending in the blank line that dispatches it. A frame from the
 * parser comes out as it came in (for LF-framed streams, byte for byte); a comment-only frame
 * (`data: ''` with a comment) is written as the comment alone, as pings are.
 */
export function formatSseEvent(event: SseEvent): string {
  let text = '';
  if (event.event !== undefined) text += `event: ${singleLine(event.event, 'event name')}\n`;
  if (event.comment === undefined || event.data !== '') text += prefixLines('data: ', event.data);
  if (event.id !== undefined) text += `id: ${singleLine(event.id, 'id')}\n`;
  if (event.retry !== undefined) text += `retry: ${Math.trunc(event.retry)}\n`;
  if (event.comment !== undefined) text += prefixLines(': ', event.comment);
  return `${text}\n`;
}

/** `data: <data>\n\n`, the common case of an unnamed single-line frame; multi-line data is still framed correctly. */
export function formatSseData(data: string): string {
  if (data.includes('\n') || data.includes('\r')) return formatSseEvent({ data });
  return `data: ${data}\n\n`;
}

function prefixLines(prefix: string, value: string): string {
  if (!value.includes('\n') && !value.includes('\r')) return `${prefix}${value}\n`;
  let text = '';
  for (const line of value.split(lineBreak)) text += `${prefix}${line}\n`;
  return text;
}

function singleLine(value: string, what: string): string {
  if (value.includes('\n') || value.includes('\r')) {
    throw new Error(`An SSE ${what} cannot contain a line break: ${JSON.stringify(value)}`);
  }
  return value;
}
