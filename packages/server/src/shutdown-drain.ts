import type { RequestListener, Server } from 'node:http';
import { errorCodecForPath } from './error-codec-for-path.js';

export interface ShutdownDrain {
  /** The listener to serve: counts requests in flight, and refuses new ones once draining. */
  listener: RequestListener;
  /**
   * Starts draining: new requests get 503 in the client's format (with `connection: close`)
   * while those in flight, streams included, finish; then the server closes. After `graceMs`
   * the remaining connections are cut.
   */
  drain(server: Server, graceMs: number): Promise<void>;
}

/**
 * Graceful shutdown that drops nothing: the port keeps answering during the grace period, so a
 * client (or load balancer) arriving then gets a clear 503 to retry elsewhere instead of a
 * refused connection, and no in-flight answer is cut.
 */
export function createShutdownDrain(inner: RequestListener): ShutdownDrain {
  let inFlight = 0;
  let draining = false;
  let onIdle: (() => void) | undefined;
  const listener: RequestListener = (req, res) => {
    if (draining) {
      const encoded = errorCodecForPath(req.url ?? '/').encodeError({
        kind: 'overloaded',
        status: 503,
        message: 'The gateway is shutting down; send the request again (to another instance).',
        code: 'gateway_shutting_down',
      });
      res.writeHead(503, { 'content-type': 'application/json', connection: 'close', 'retry-after': '1' });
      res.end(JSON.stringify(encoded.body));
      // The body is not read: the connection cannot carry another request.
      req.resume();
      return;
    }
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (draining && inFlight === 0) onIdle?.();
    });
    inner(req, res);
  };
  return {
    listener,
    drain(server, graceMs) {
      draining = true;
      return new Promise<void>((resolve) => {
        const finish = () => {
          clearTimeout(grace);
          server.close(() => resolve());
          server.closeAllConnections();
        };
        const grace = setTimeout(finish, graceMs);
        grace.unref();
        // Keep-alive connections with nothing in flight would otherwise hold the close open.
        server.closeIdleConnections();
        if (inFlight === 0) finish();
        else onIdle = finish;
      });
    },
  };
}
