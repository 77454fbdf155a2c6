/**
 * One Server-Sent Events frame. A comment line (`: keep-alive`) is kept as a frame with
 * only `comment` set, so a gateway can reproduce framing exactly.
 */
export interface SseEvent {
  /** The `event:` name, when the frame had one (Anthropic and Cohere name every event). */
  event?: string;
  /** The `data:` lines joined with "\n"; '' for a comment-only frame. */
  data: string;
  id?: string;
  retry?: number;
  comment?: string;
}
