import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export interface EventStreamOptions {
  /** Pause after each frame; 0 writes the whole stream at once. */
  delayMs: number;
  /** The mock's request signal: once the client is gone nothing more is written. */
  signal: AbortSignal;
  /** Leave the response open after the last frame, for a caller that drops the connection instead. */
  keepOpen?: boolean;
}

/**
 * Writes the frames of a streamed answer (SSE text or binary event-stream messages) after the
 * caller's `writeHead`, then ends the response. With no delay it is one write and no timers (the
 * fast path benchmarks use; chunked framing is kept, as `writeHead` already chose it); with a
 * delay each frame is its own write, headers flushed first so the client sees the stream open.
 * Resolves whether every frame was written (false when the client went away first).
 */
export async function writeEventStream(
  response: ServerResponse,
  frames: ReadonlyArray<string | Uint8Array>,
  options: EventStreamOptions,
): Promise<boolean> {
  const { delayMs, signal } = options;
  if (delayMs <= 0) {
    if (frames.length > 0) response.write(joinFrames(frames));
  } else {
    response.flushHeaders();
    for (const frame of frames) {
      if (signal.aborted) return false;
      response.write(frame);
      await sleep(delayMs);
    }
  }
  if (!options.keepOpen && !signal.aborted) response.end();
  return true;
}

function joinFrames(frames: ReadonlyArray<string | Uint8Array>): string | Uint8Array {
  if (frames.every((frame) => typeof frame === 'string')) return frames.join('');
  return Buffer.concat(frames.map((frame) => (typeof frame === 'string' ? Buffer.from(frame, 'utf8') : frame)));
}
