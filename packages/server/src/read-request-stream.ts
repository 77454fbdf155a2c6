import type { IncomingMessage } from 'node:http';
import { PayloadTooLargeError } from '@switchyard/core';

/**
 * A Node request body as an async iterable that reads only as fast as it is consumed (the
 * socket is paused between pulls, so an upload is never held whole) and throws a
 * PayloadTooLargeError once more than `limit` bytes arrived. It never destroys the request: the
 * host must still be able to answer the 413 on the same socket.
 */
export function readRequestStream(req: IncomingMessage, limit: number): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]() {
      let size = 0;
      let done = false;
      let failure: unknown;
      const queue: Buffer[] = [];
      let waiting: { resolve(): void } | undefined;
      const wake = () => {
        const current = waiting;
        waiting = undefined;
        current?.resolve();
      };
      const onData = (chunk: Buffer) => {
        queue.push(chunk);
        req.pause();
        wake();
      };
      const onEnd = () => {
        done = true;
        wake();
      };
      const onError = (error: unknown) => {
        failure = error;
        wake();
      };
      const stop = () => {
        req.off('data', onData);
        req.off('end', onEnd);
        req.off('error', onError);
        req.off('aborted', onAborted);
        req.pause();
      };
      const onAborted = () => onError(new Error('The client closed the connection while sending the body.'));
      req.on('data', onData);
      req.on('end', onEnd);
      req.on('error', onError);
      req.on('aborted', onAborted);
      req.pause();
      return {
        async next(): Promise<IteratorResult<Uint8Array>> {
          for (;;) {
            const chunk = queue.shift();
            if (chunk) {
              size += chunk.byteLength;
              if (size > limit) {
                stop();
                throw new PayloadTooLargeError(`The request body is larger than the gateway's upload limit of ${limit} bytes.`, { code: 'upload_too_large' });
              }
              return { done: false, value: chunk };
            }
            if (failure !== undefined) {
              stop();
              throw failure;
            }
            if (done) {
              stop();
              return { done: true, value: undefined };
            }
            const arrived = new Promise<void>((resolve) => (waiting = { resolve }));
            req.resume();
            await arrived;
          }
        },
        async return(): Promise<IteratorResult<Uint8Array>> {
          stop();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
