import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { cutAfterEvents, writeFaultStatus, writeStall, type MockFault } from './mock-fault.js';
import { writeReplay, type ReplayAnswer } from './replay-answer.js';

/** What one request to a mock server looked like on the wire. */
export interface ReceivedRequest {
  method: string;
  /** Path including the query string, as sent. */
  path: string;
  /** Header names lower-cased; a repeated header's values joined with `, `. */
  headers: Record<string, string>;
  /** The raw body text. */
  body: string;
  /** The body's bytes as received (binary multipart intact), up to `keepBodyBytes`. */
  raw: Uint8Array;
  /** How many body bytes arrived, kept or not. */
  bodyBytes: number;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
  /** Becomes true when the client closed the connection before the answer completed. */
  aborted: boolean;
  /** `performance.now()` when the client closed early (set together with `aborted`). */
  closedAt?: number;
}

export interface MockContext {
  /** Aborted when the connection closes before the answer completed (client or fault). */
  signal: AbortSignal;
}

export type MockHandler = (
  request: ReceivedRequest,
  response: ServerResponse,
  context: MockContext,
) => unknown;

export interface MockServerOptions {
  /** Keep every request in `received` (default true). Benchmarks turn it off to stay flat. */
  recordRequests?: boolean;
  /** Body of a `{ status }` fault that brings none; each mock answers in its provider's shape. */
  faultBody?: (status: number) => object;
  /** Body bytes kept per request (default: all). Past it bytes are counted, not kept, so a huge upload leaves memory flat. */
  keepBodyBytes?: number;
}

export interface MockServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  received: ReceivedRequest[];
  /** Queues faults; each applies to one of the next requests, in order, before any normal answer. */
  failNext(...faults: MockFault[]): void;
  /** Queues recorded answers, sharing the queue with `failNext`. */
  replayNext(...answers: ReplayAnswer[]): void;
  /** Called for each request once its body arrived; returns the unsubscribe function. */
  onRequest(listener: (request: ReceivedRequest) => void): () => void;
  /** Resolves once `count` requests were received (all of `received` at that moment). */
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  /** Resolves with the first received request whose client closed early, already or later. */
  waitForClientClose(timeoutMs?: number): Promise<ReceivedRequest>;
  /** TCP connections open right now (a pooling client keeps idle ones open until it lets go). */
  openConnections(): number;
  /** Resolves once at most `count` connections are open (the client released the rest). */
  waitForOpenConnections(count: number, timeoutMs?: number): Promise<number>;
  /** Body bytes read so far over all requests, counted as each chunk arrives. */
  bodyBytesReceived(): number;
  /** Forgets received requests and queued faults/replays. */
  reset(): void;
  /** Closes the server and every open connection, stalled ones included. */
  close(): Promise<void>;
}

type Scripted = { kind: 'fault'; fault: MockFault } | { kind: 'replay'; answer: ReplayAnswer };

interface Waiter {
  done: () => boolean;
  reject: (error: Error) => void;
}

const defaultFaultBody = (status: number) => ({
  error: { message: `mock fault: HTTP ${status}`, type: 'mock_fault', param: null, code: null },
});

export async function startMockServer(handler: MockHandler, options: MockServerOptions = {}): Promise<MockServer> {
  const record = options.recordRequests ?? true;
  const faultBody = options.faultBody ?? defaultFaultBody;
  const received: ReceivedRequest[] = [];
  const queue: Scripted[] = [];
  const listeners = new Set<(request: ReceivedRequest) => void>();
  let waiters: Waiter[] = [];

  // Waiters re-check their condition on every event rather than each event knowing the waiters.
  const settleWaiters = () => {
    if (waiters.length) waiters = waiters.filter((waiter) => !waiter.done());
  };

  const waitFor = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const now = check();
      if (now !== undefined) return resolve(now);
      const timer = setTimeout(() => {
        waiters = waiters.filter((entry) => entry !== waiter);
        reject(new Error(`mock server: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const waiter: Waiter = {
        done: () => {
          const value = check();
          if (value === undefined) return false;
          clearTimeout(timer);
          resolve(value);
          return true;
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      waiters.push(waiter);
    });

  const serve = async (request: ReceivedRequest, response: ServerResponse) => {
    const scripted = queue.shift();
    const controller = new AbortController();
    let closedByServer = false;
    response.on('close', () => {
      if (response.writableFinished) return;
      controller.abort();
      if (!closedByServer) {
        request.aborted = true;
        request.closedAt = performance.now();
        settleWaiters();
      }
    });
    if (record) received.push(request);
    for (const listener of listeners) listener(request);
    settleWaiters();

    const context: MockContext = { signal: controller.signal };
    try {
      if (!scripted) return await handler(request, response, context);
      if (scripted.kind === 'replay') return await writeReplay(response, scripted.answer, controller.signal);
      const fault = scripted.fault;
      if (fault.delayMs) await sleep(fault.delayMs, undefined, { signal: controller.signal });
      if ('status' in fault) return writeFaultStatus(response, fault, faultBody);
      if ('stallAfterHeaders' in fault) return writeStall(response, fault.headers);
      if ('destroy' in fault) {
        closedByServer = true;
        response.socket?.destroy();
        return;
      }
      if ('cutAfterEvents' in fault) cutAfterEvents(response, fault.cutAfterEvents, () => (closedByServer = true));
      return await handler(request, response, context);
    } catch (error) {
      if (controller.signal.aborted) return;
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const text = JSON.stringify({ error: { message: `mock handler failed: ${String(error)}`, type: 'mock_error' } });
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(text);
    }
  };

  const keepBodyBytes = options.keepBodyBytes ?? Number.POSITIVE_INFINITY;
  let bodyBytesReceived = 0;
  const server = createServer({ noDelay: true }, (incoming, response) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      bodyBytesReceived += chunk.byteLength;
      if (kept >= keepBodyBytes) return;
      const part = kept + chunk.byteLength > keepBodyBytes ? chunk.subarray(0, keepBodyBytes - kept) : chunk;
      chunks.push(part);
      kept += part.byteLength;
    });
    incoming.on('end', () => {
      const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      const body = raw.toString('utf8');
      const request: ReceivedRequest = {
        method: incoming.method ?? 'GET',
        path: incoming.url ?? '/',
        headers: flattenHeaders(incoming.headers),
        body,
        raw,
        bodyBytes: size,
        json: parseJson(body),
        aborted: false,
      };
      void serve(request, response);
    });
  });

  let connections = 0;
  server.on('connection', (socket) => {
    connections++;
    socket.once('close', () => {
      connections--;
      settleWaiters();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    failNext: (...faults) => queue.push(...faults.map((fault): Scripted => ({ kind: 'fault', fault }))),
    replayNext: (...answers) => queue.push(...answers.map((answer): Scripted => ({ kind: 'replay', answer }))),
    onRequest(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    waitForRequests: (count, timeoutMs = 5_000) =>
      waitFor(() => (received.length >= count ? received.slice() : undefined), timeoutMs, `${count} request(s)`),
    waitForClientClose: (timeoutMs = 5_000) =>
      waitFor(() => received.find((request) => request.aborted), timeoutMs, 'a client to close early'),
    openConnections: () => connections,
    bodyBytesReceived: () => bodyBytesReceived,
    waitForOpenConnections: (count, timeoutMs = 5_000) =>
      waitFor(() => (connections <= count ? connections : undefined), timeoutMs, `at most ${count} open connection(s)`),
    reset() {
      received.length = 0;
      queue.length = 0;
    },
    close() {
      for (const waiter of waiters) waiter.reject(new Error('mock server closed'));
      waiters = [];
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function parseJson(body: string): any {
  const first = body.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
