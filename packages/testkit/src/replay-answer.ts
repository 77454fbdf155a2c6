import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** Recorded bytes to answer one request with, exactly as given. */
export interface ReplayAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: string | Buffer;
  /** Defaults to `text/event-stream; charset=utf-8` for a body that looks like SSE, else JSON. */
  contentType?: string;
  /**
   * The body goes out in pieces of `chunkSize` bytes (default 64), cut at arbitrary offsets —
   * mid-event, mid-line — so the client's incremental parser is exercised.
   */
  chunkSize?: number;
  /** Pause between pieces; 0 (default) still yields to the event loop between writes. */
  chunkDelayMs?: number;
}

// Framing and encoding belong to this connection, not to the recording: a recorded
// content-length or gzip header would lie about the bytes we send.
const recordedOnly = new Set(['content-length', 'transfer-encoding', 'connection', 'content-encoding', 'keep-alive']);

export async function writeReplay(response: ServerResponse, answer: ReplayAnswer, signal: AbortSignal): Promise<void> {
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers ?? {})) {
    if (!recordedOnly.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  headers['content-type'] = answer.contentType ?? headers['content-type'] ?? guessContentType(body);
  response.writeHead(answer.status ?? 200, headers);
  response.flushHeaders();
  const size = Math.max(1, answer.chunkSize ?? 64);
  for (let offset = 0; offset < body.length; offset += size) {
    if (signal.aborted) return;
    response.write(body.subarray(offset, offset + size));
    if (offset + size < body.length) {
      if (answer.chunkDelayMs) await sleep(answer.chunkDelayMs);
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (!signal.aborted) response.end();
}

function guessContentType(body: Buffer): string {
  const head = body.subarray(0, 16).toString('utf8').trimStart();
  return /^(data|event|id|retry):|^:/.test(head) ? 'text/event-stream; charset=utf-8' : 'application/json';
}
