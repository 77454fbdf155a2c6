import type { Server } from 'node:http';
import { type ExpressHostOptions, createGatewayListener, listen } from './express-host.js';
import { type GatewayHandlerOptions, createGatewayHandler } from './gateway-handler.js';
import { createShutdownDrain } from './shutdown-drain.js';

export interface ServeGatewayOptions extends GatewayHandlerOptions, ExpressHostOptions {
  host: string;
  port: number;
  /** Milliseconds in-flight requests get to finish on close. Default 30 s. */
  shutdownGraceMs?: number;
}

export interface ServingGateway {
  url: string;
  server: Server;
  /** Refuses new requests with 503, lets in-flight requests and streams finish (up to the grace period), closes, then resolves. */
  close(): Promise<void>;
}

/** The handler behind the express host, listening: what the gateway app and e2e tests start. */
export async function serveGateway(options: ServeGatewayOptions): Promise<ServingGateway> {
  const shutdown = createShutdownDrain(createGatewayListener(createGatewayHandler(options), options));
  const { server, url } = await listen(shutdown.listener, options.port, options.host, options.clientTimeouts);
  let closing: Promise<void> | undefined;
  return {
    url,
    server,
    close() {
      closing ??= shutdown.drain(server, options.shutdownGraceMs ?? 30_000);
      return closing;
    },
  };
}
