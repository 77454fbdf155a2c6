import { once } from 'node:events';
import { type IncomingMessage, type RequestListener, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PayloadTooLargeError } from '@switchyard/core';
import express, { type Express } from 'express';
import { errorCodecForPath } from './error-codec-for-path.js';
import type { GatewayHandler } from './gateway-handler.js';
import type { GatewayResponse } from './gateway-types.js';

export interface ExpressHostOptions {
  /** Largest request body accepted, in bytes; larger ones get 413 without being read. Default 16 MiB. */
  bodyLimitBytes?: number;
  /** Adds routes of the operator's own (admin pages, health probes) to the express app. */
  configureExpress?(app: Express): void;
}

const defaultBodyLimit = 16 * 1024 * 1024;

/**
 * The thin host: turns a Node request into the handler's request and writes the handler's
 * response back, streaming with backpressure, aborting upstream work when the client goes away.
 *
 * The gateway's own routes are dispatched straight from node:http. Everything else goes through
 * an express app (extension routes, then the handler for a format-shaped 404). Why not express
 * for all: express re-prototypes every req/res, which measured at ~110 µs of CPU per request on
 * the bench machine — more than half of what the whole passthrough path may cost.
 */
export function createGatewayListener(handler: GatewayHandler, options: ExpressHostOptions = {}): RequestListener {
  const bodyLimit = options.bodyLimitBytes ?? defaultBodyLimit;
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  options.configureExpress?.(app);
  app.use((req, res) => serveSafely(handler, req, res, bodyLimit));
  return (req, res) => {
    if (handler.hasRoute(req.method ?? 'GET', pathOf(req.url ?? '/'))) serveSafely(handler, req, res, bodyLimit);
    else app(req, res);
  };
}

function serveSafely(handler: GatewayHandler, req: IncomingMessage, res: ServerResponse, bodyLimit: number): void {
  serve(handler, req, res, bodyLimit).catch(() => {
    // The handler turns every error into a response; reaching here means the host itself
    // failed. Never leak a stack: a bare 500 if nothing was sent yet, else cut the connection.
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"The gateway failed to handle the request.","type":"server_error","param":null,"code":null}}');
    } else res.destroy();
  });
}

function pathOf(url: string): string {
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? url : url.slice(0, queryAt);
}

function queryOf(url: string): string | undefined {
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? undefined : url.slice(queryAt + 1);
}

async function serve(handler: GatewayHandler, req: IncomingMessage, res: ServerResponse, bodyLimit: number): Promise<void> {
  const aborter = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) aborter.abort(new Error('The client closed the connection.'));
  });
  let body: Uint8Array;
  try {
    body = await readBody(req, bodyLimit);
  } catch (error) {
    if (PayloadTooLargeError.isInstance(error)) {
      const encoded = errorCodecForPath(pathOf(req.url ?? '/')).encodeError(error.toBody());
      res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify(encoded.body));
    } else {
      res.destroy();
    }
    return;
  }
  const response = await handler.handle({
    method: req.method ?? 'GET',
    path: pathOf(req.url ?? '/'),
    query: queryOf(req.url ?? '/'),
    headers: flattenHeaders(req.headers),
    body,
    signal: aborter.signal,
  });
  await writeResponse(response, res);
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function tooLarge(limit: number): PayloadTooLargeError {
  return new PayloadTooLargeError(`The request body is larger than the gateway's limit of ${limit} bytes.`);
}

async function writeResponse(response: GatewayResponse, res: ServerResponse): Promise<void> {
  const { body } = response;
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) {
    res.writeHead(response.status, response.headers);
    res.end(body);
    return;
  }
  // No flushHeaders: a streamed answer is only returned once its first chunk is in hand (so a
  // failure before it can fall back), and headers and that chunk then leave in one write.
  res.writeHead(response.status, response.headers);
  try {
    for await (const chunk of body) {
      if (res.destroyed) break;
      if (!res.write(chunk)) await drainOrClose(res);
    }
    if (!res.destroyed) res.end();
  } catch {
    // Bytes already left: a clean end would look like a complete answer, so cut the connection.
    res.destroy();
  }
}

function drainOrClose(res: ServerResponse): Promise<unknown> {
  return Promise.race([once(res, 'drain'), once(res, 'close')]);
}

/** Starts listening and resolves with the bound address. */
export async function listen(listener: RequestListener, port: number, host: string): Promise<{ server: Server; url: string }> {
  const server = createServer({ noDelay: true }, listener);
  server.listen(port, host);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, url: `http://${shownHost}:${address.port}` };
}
