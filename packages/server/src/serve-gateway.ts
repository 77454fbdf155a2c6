import type { Server } from 'node:http';
import { type ExpressHostOptions, createGatewayListener, listen } from './express-host.js';
import { type GatewayHandlerOptions, createGatewayHandler } from './gateway-handler.js';

export interface ServeGatewayOptions extends GatewayHandlerOptions, ExpressHostOptions {
  host: string;
  port: number;
  /** Milliseconds in-flight requests get to finish on close. Default 30 s. */
  shutdownGraceMs?: number;
}

export interface ServingGateway {
  url: string;
  server: Server;
  /** Stops accepting connections, lets in-flight requests and streams finish (up to the grace period), then resolves. */
  close(): Promise<void>;
}

/** The handler behind the express host, listening: what the gateway app and e2e tests start. */
export async function serveGateway(options: ServeGatewayOptions): Promise<ServingGateway> {
  const listener = createGatewayListener(createGatewayHandler(options), options);
  const { server, url } = await listen(listener, options.port, options.host);
  let closing: Promise<void> | undefined;
  return {
    url,
    server,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        const grace = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs ?? 30_000);
        grace.unref();
        server.once('close', () => clearTimeout(grace));
      });
      return closing;
    },
  };
}
