import type { ServerResponse } from 'node:http';
import { writeJson } from './write-json.js';

/**
 * One scripted misbehaviour for the next request a mock server receives. Each kind may also
 * carry `delayMs`, a wait before anything is sent; `{ delayMs }` alone delays a normal answer.
 */
export type MockFault =
  | { status: number; body?: string | object; headers?: Record<string, string>; delayMs?: number }
  | { delayMs: number }
  /** Sends 200 and its headers, then nothing until the client closes. */
  | { stallAfterHeaders: true; headers?: Record<string, string>; delayMs?: number }
  /** Lets the normal answer through for `n` SSE events, then destroys the socket mid-body. */
  | { cutAfterEvents: number; delayMs?: number }
  /** Closes the connection with no answer at all. */
  | { destroy: true; delayMs?: number };

export function writeFaultStatus(
  response: ServerResponse,
  fault: { status: number; body?: string | object; headers?: Record<string, string> },
  defaultBody: (status: number) => object,
): void {
  writeJson(response, fault.status, fault.body ?? defaultBody(fault.status), fault.headers);
}

export function writeStall(response: ServerResponse, headers: Record<string, string> | undefined): void {
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', ...headers });
  response.flushHeaders();
}

// An SSE event ends at a blank line; all three line endings are legal.
const eventEnd = /\r\n\r\n|\n\n|\r\r/g;

/**
 * Patches `response` so the handler's answer passes through until `events` SSE events were
 * written, then the socket is destroyed. Writes are held back to event boundaries so the cut
 * falls exactly after the n-th event. An answer with fewer events is cut where it ends (the
 * terminating chunk is never sent), so the client never sees a complete body.
 */
export function cutAfterEvents(response: ServerResponse, events: number, onCut: () => void): void {
  const write = response.write.bind(response) as (chunk: string, callback?: () => void) => boolean;
  let pending = '';
  let sent = 0;
  let cut = false;
  const destroy = () => {
    if (cut) return;
    cut = true;
    onCut();
    // Flush what was already allowed through, then drop the connection.
    write('', () => response.socket?.destroy());
  };
  const take = (chunk: unknown) => {
    if (cut || chunk == null) return;
    pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    eventEnd.lastIndex = 0;
    let match: RegExpExecArray | null;
    let consumed = 0;
    while (sent < events && (match = eventEnd.exec(pending))) {
      consumed = match.index + match[0].length;
      sent++;
    }
    if (consumed > 0) {
      write(pending.slice(0, consumed));
      pending = pending.slice(consumed);
    }
    if (sent >= events) destroy();
  };
  response.write = ((chunk: unknown, ...rest: unknown[]) => {
    take(chunk);
    const callback = rest.find((value) => typeof value === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof response.write;
  response.end = ((chunk?: unknown) => {
    if (typeof chunk !== 'function') take(chunk);
    destroy();
    return response;
  }) as typeof response.end;
}
