import { once } from 'node:events';
import { type IncomingMessage, type RequestListener, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayError, PayloadTooLargeError, TimeoutError } from '@switchyard/core';
import express, { type Express } from 'express';
import { errorCodecForPath } from './error-codec-for-path.js';
import type { GatewayHandler } from './gateway-handler.js';
import type { BodyMode, GatewayRequest, GatewayResponse } from './gateway-types.js';
import { readRequestStream } from './read-request-stream.js';

export interface ExpressHostOptions {
  /** Largest request body accepted, in bytes; larger ones get 413 without being read. Default 16 MiB. */
  bodyLimitBytes?: number;
  /**
   * Largest upload accepted by streamed routes (files, audio, any proxied `/v1/*` path), in bytes.
   * Their body flows to the provider as it arrives; a declared length over the limit gets 413
   * without being read, and a body that crosses it mid-way is cut off with 413. Default 512 MiB.
   */
  uploadLimitBytes?: number;
  /** Adds routes of the operator's own (admin pages, health probes) to the express app. */
  configureExpress?(app: Express): void;
  /** Deadlines on the client's side of the gateway (slowloris guards); see `ClientTimeouts`. */
  clientTimeouts?: ClientTimeouts;
}

/** How long a client may take to send its request, in milliseconds. */
export interface ClientTimeouts {
  /** From connection (or the previous request) until the request's headers are complete. Default 30 s. */
  headersMs?: number;
  /** Until the whole request, body included, has arrived. Default 300 s; 0 turns it off. */
  requestMs?: number;
  /** Longest silence while a JSON body is being read; the client gets 408. Default 30 s. */
  bodyIdleMs?: number;
}

export const defaultClientTimeouts: Readonly<Required<ClientTimeouts>> = { headersMs: 30_000, requestMs: 300_000, bodyIdleMs: 30_000 };

const defaultBodyLimit = 16 * 1024 * 1024;
const defaultUploadLimit = 512 * 1024 * 1024;

interface BodyLimits {
  buffered: number;
  streamed: number;
  bodyIdleMs: number;
}

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
  const limits: BodyLimits = {
    buffered: options.bodyLimitBytes ?? defaultBodyLimit,
    streamed: options.uploadLimitBytes ?? defaultUploadLimit,
    bodyIdleMs: options.clientTimeouts?.bodyIdleMs ?? defaultClientTimeouts.bodyIdleMs,
  };
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  options.configureExpress?.(app);
  app.use((req, res) => serveSafely(handler, req, res, limits, 'buffered'));
  return (req, res) => {
    const method = req.method ?? 'GET';
    const path = pathOf(req.url ?? '/');
    const mode = handler.bodyMode ? handler.bodyMode(method, path) : handler.hasRoute(method, path) ? 'buffered' : undefined;
    if (mode) serveSafely(handler, req, res, limits, mode);
    else app(req, res);
  };
}

function serveSafely(handler: GatewayHandler, req: IncomingMessage, res: ServerResponse, limits: BodyLimits, mode: BodyMode): void {
  serve(handler, req, res, limits, mode).catch(() => {
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

async function serve(handler: GatewayHandler, req: IncomingMessage, res: ServerResponse, limits: BodyLimits, mode: BodyMode): Promise<void> {
  const aborter = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) aborter.abort(new Error('The client closed the connection.'));
  });
  let body: Uint8Array = emptyBody;
  let bodyStream: AsyncIterable<Uint8Array> | undefined;
  const headers = flattenHeaders(req.headers);
  // The key is checked before a byte of the body is read: an unauthenticated client must not
  // make the gateway read or stream anything. The 401 comes from the handler, on an empty body.
  if (handler.authorize && !handler.authorize(req.method ?? 'GET', pathOf(req.url ?? '/'), headers)) {
    const refused = await handler.handle({ method: req.method ?? 'GET', path: pathOf(req.url ?? '/'), query: queryOf(req.url ?? '/'), headers, body: emptyBody, signal: aborter.signal });
    if (hasBody(req)) refused.headers.connection = 'close';
    await writeResponse(refused, res);
    return;
  }
  try {
    if (mode === 'buffered') body = await readBody(req, limits.buffered, limits.bodyIdleMs);
    else if (hasBody(req)) {
      if (Number(req.headers['content-length']) > limits.streamed) throw tooLarge(limits.streamed, 'upload');
      bodyStream = readRequestStream(req, limits.streamed);
    }
  } catch (error) {
    if (PayloadTooLargeError.isInstance(error) || TimeoutError.isInstance(error)) {
      const encoded = errorCodecForPath(pathOf(req.url ?? '/')).encodeError((error as GatewayError).toBody());
      res.writeHead(encoded.status, { 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify(encoded.body));
    } else {
      res.destroy();
    }
    return;
  }
  const request: GatewayRequest = {
    method: req.method ?? 'GET',
    path: pathOf(req.url ?? '/'),
    query: queryOf(req.url ?? '/'),
    headers,
    body,
    signal: aborter.signal,
  };
  if (bodyStream) request.bodyStream = bodyStream;
  const response = await handler.handle(request);
  // A route that answered before reading all of a streamed body (an error, the upload limit):
  // the rest is not read, so the connection cannot carry another request.
  if (bodyStream && !req.complete) response.headers.connection = 'close';
  await writeResponse(response, res);
}

const emptyBody = new Uint8Array(0);

/** Whether a request carries a body (a length above 0, or chunked). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return length !== undefined ? Number(length) > 0 : req.headers['transfer-encoding'] !== undefined;
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function readBody(req: IncomingMessage, limit: number, idleMs: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge(limit, 'body'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // A client that stops sending mid-body (slowloris) would otherwise hold the socket until the
    // server's whole-request deadline.
    let idle: NodeJS.Timeout | undefined;
    const fail = (error: unknown) => {
      clearTimeout(idle);
      req.removeAllListeners('data');
      req.pause();
      reject(error);
    };
    const armIdle = () => {
      if (idleMs <= 0) return;
      clearTimeout(idle);
      idle = setTimeout(
        () => fail(new TimeoutError(`The client sent nothing of the request body for ${idleMs} ms.`, { status: 408, code: 'request_timeout' })),
        idleMs,
      );
    };
    armIdle();
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) return fail(tooLarge(limit, 'body'));
      chunks.push(chunk);
      armIdle();
    });
    req.on('end', () => {
      clearTimeout(idle);
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    req.on('error', (error) => {
      clearTimeout(idle);
      reject(error);
    });
    req.on('close', () => clearTimeout(idle));
  });
}

function tooLarge(limit: number, kind: 'body' | 'upload'): PayloadTooLargeError {
  return kind === 'body'
    ? new PayloadTooLargeError(`The request body is larger than the gateway's limit of ${limit} bytes.`)
    : new PayloadTooLargeError(`The request body is larger than the gateway's upload limit of ${limit} bytes.`, { code: 'upload_too_large' });
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
export async function listen(listener: RequestListener, port: number, host: string, timeouts: ClientTimeouts = {}): Promise<{ server: Server; url: string }> {
  const headersTimeout = timeouts.headersMs ?? defaultClientTimeouts.headersMs;
  const server = createServer(
    {
      noDelay: true,
      headersTimeout,
      requestTimeout: timeouts.requestMs ?? defaultClientTimeouts.requestMs,
      // Node checks both deadlines on this interval (30 s by default), so a short deadline needs a short check.
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, Math.floor(headersTimeout / 4))),
    },
    listener,
  );
  server.listen(port, host);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { server, url: `http://${shownHost}:${address.port}` };
}
