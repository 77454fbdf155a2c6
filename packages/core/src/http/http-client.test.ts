import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from './http-client.js';
import { InvalidRequestError } from '../errors/invalid-request-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import { UpstreamError } from '../errors/upstream-error.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const servers: Server[] = [];
const clients: HttpClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function startServer(handler: Handler): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function createClient(options?: ConstructorParameters<typeof HttpClient>[0]): HttpClient {
  const client = new HttpClient(options);
  clients.push(client);
  return client;
}

/** A port nothing listens on: bound, then released. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('HttpClient', () => {
  it('sends method, headers and body, and returns status and lower-cased headers', async () => {
    let received: { method?: string; url?: string; authorization?: string; body: string } | undefined;
    const url = await startServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        received = { method: request.method, url: request.url, authorization: request.headers.authorization, body };
        response.setHeader('Content-Type', 'application/json');
        response.setHeader('X-Repeated', ['one', 'two']);
        response.end('{"ok":true}');
      });
    });
    const response = await createClient().request({
      url: `${url}/v1/chat/completions?stream=false`,
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
      body: '{"model":"gpt"}',
      provider: 'openai',
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-repeated']).toBe('one, two');
    expect(await response.json()).toEqual({ ok: true });
    expect(received).toEqual({
      method: 'POST',
      url: '/v1/chat/completions?stream=false',
      authorization: 'Bearer sk-test',
      body: '{"model":"gpt"}',
    });
  });

  it('streams an async iterable body: the server reads the first chunk before the last is produced', async () => {
    let receivedBytes = 0;
    let firstChunkSeen: () => void = () => {};
    const firstChunkArrived = new Promise<void>((resolve) => (firstChunkSeen = resolve));
    const url = await startServer((request, response) => {
      request.on('data', (chunk: Buffer) => {
        receivedBytes += chunk.byteLength;
        firstChunkSeen();
      });
      request.on('end', () => response.end(JSON.stringify({ bytes: receivedBytes, encoding: request.headers['transfer-encoding'] ?? null })));
    });
    async function* body(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(1000).fill(1);
      // The last chunk waits until the server has the first: a body read whole first would hang here.
      await firstChunkArrived;
      yield new Uint8Array(500).fill(2);
    }
    const response = await createClient().request({ url: `${url}/upload`, method: 'PUT', body: body(), provider: 'openai' });
    expect(await response.json()).toEqual({ bytes: 1500, encoding: 'chunked' });
  });

  it('reuses one keep-alive connection for consecutive requests to an origin', async () => {
    const remotePorts: Array<number | undefined> = [];
    const url = await startServer((request, response) => {
      remotePorts.push(request.socket.remotePort);
      response.end('ok');
    });
    const client = createClient();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await client.request({ url: `${url}/ping`, provider: 'openai' });
      expect(await response.text()).toBe('ok');
      // undici marks a connection free again one event-loop turn after its body ended; a request
      // sent in that same turn opens a second connection. Gateway requests arrive on later turns.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(remotePorts).toHaveLength(3);
    expect(new Set(remotePorts).size).toBe(1);
  });

  it('queues on the one connection allowed per origin', async () => {
    const remotePorts: Array<number | undefined> = [];
    const url = await startServer((request, response) => {
      remotePorts.push(request.socket.remotePort);
      response.end('ok');
    });
    const client = createClient({ connections: 1 });
    const responses = await Promise.all(
      [1, 2, 3].map(async () => (await client.request({ url, provider: 'openai' })).text()),
    );
    expect(responses).toEqual(['ok', 'ok', 'ok']);
    expect(new Set(remotePorts).size).toBe(1);
  });

  it('keeps origins apart', async () => {
    const first = await startServer((_request, response) => response.end('first'));
    const second = await startServer((_request, response) => response.end('second'));
    const client = createClient();
    expect(await (await client.request({ url: first, provider: 'a' })).text()).toBe('first');
    expect(await (await client.request({ url: second, provider: 'b' })).text()).toBe('second');
  });

  it('streams the body chunk by chunk as the server writes it', async () => {
    const firstChunkReceived = deferred();
    const url = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: one\n\n');
      // The second chunk is written only once the client has seen the first: a buffering client would hang here.
      void firstChunkReceived.promise.then(() => response.end('data: two\n\n'));
    });
    const response = await createClient().request({ url, provider: 'openai' });
    const chunks: string[] = [];
    for await (const chunk of response.body) {
      chunks.push(new TextDecoder().decode(chunk));
      firstChunkReceived.resolve();
    }
    expect(chunks).toEqual(['data: one\n\n', 'data: two\n\n']);
  });

  it('returns an error status instead of throwing', async () => {
    const url = await startServer((_request, response) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end('{"error":{"message":"boom"}}');
    });
    const response = await createClient().request({ url, provider: 'openai' });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('{"error":{"message":"boom"}}');
  });

  it('turns a refused connection into a retryable UpstreamError without status or headers in the message', async () => {
    const port = await unusedPort();
    const error = await rejectionOf(
      createClient().request({
        url: `http://127.0.0.1:${port}/v1/models?key=secret-in-query`,
        headers: { authorization: 'Bearer sk-secret' },
        provider: 'openai',
      }),
    );
    expect(UpstreamError.isInstance(error)).toBe(true);
    const upstream = error as UpstreamError;
    expect(upstream.message).toBe(`could not reach openai at http://127.0.0.1:${port}: ECONNREFUSED`);
    expect(upstream.retryable).toBe(true);
    expect(upstream.upstreamStatus).toBeUndefined();
    expect(upstream.provider).toBe('openai');
    expect(upstream.message).not.toMatch(/secret/);
  });

  it('turns missing response headers into a TimeoutError within a bound', async () => {
    const url = await startServer(() => {
      // Never answers.
    });
    const started = performance.now();
    const error = await rejectionOf(
      createClient().request({ url, provider: 'openai', timeouts: { headersMs: 100 } }),
    );
    const elapsed = performance.now() - started;
    expect(TimeoutError.isInstance(error)).toBe(true);
    const timeout = error as TimeoutError;
    expect(timeout.message).toBe('openai did not send response headers within 100 ms');
    expect(timeout.retryable).toBe(true);
    expect(timeout.provider).toBe('openai');
    expect(timeout.status).toBe(504);
    // undici checks this deadline on a clock ticking about every 500 ms.
    expect(elapsed).toBeGreaterThanOrEqual(90);
    expect(elapsed).toBeLessThan(3000);
  });

  it('applies the default timeouts when a request sets none', async () => {
    const url = await startServer(() => {
      // Never answers.
    });
    const error = await rejectionOf(
      createClient({ defaultTimeouts: { headersMs: 150 } }).request({ url, provider: 'anthropic' }),
    );
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('anthropic did not send response headers within 150 ms');
  });

  it('raises a TimeoutError from iteration when the body goes idle mid-stream', async () => {
    const url = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: one\n\n');
      // Then silence.
    });
    const response = await createClient().request({ url, provider: 'gemini', timeouts: { bodyIdleMs: 100 } });
    const chunks: string[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const chunk of response.body) chunks.push(new TextDecoder().decode(chunk));
      })(),
    );
    expect(chunks).toEqual(['data: one\n\n']);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).message).toBe('gemini sent nothing of the response body for 100 ms');
    expect((error as TimeoutError).retryable).toBe(true);
  });

  it('raises an UpstreamError from iteration when the connection breaks mid-stream', async () => {
    const url = await startServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: one\n\n', () => setTimeout(() => request.socket.destroy(), 20));
    });
    const response = await createClient().request({ url, provider: 'openai' });
    const error = await rejectionOf(
      (async () => {
        for await (const _chunk of response.body) {
          // Read until the break.
        }
      })(),
    );
    expect(UpstreamError.isInstance(error)).toBe(true);
    expect((error as UpstreamError).message).toMatch(
      /^lost the connection to openai at http:\/\/127\.0\.0\.1:\d+ while reading the response: /,
    );
    expect((error as UpstreamError).retryable).toBe(true);
  });

  it('aborts a waiting request with the signal reason, and the server sees the connection close', async () => {
    const requestArrived = deferred();
    const connectionClosed = deferred();
    const url = await startServer((request) => {
      request.socket.on('close', () => connectionClosed.resolve());
      requestArrived.resolve();
    });
    const controller = new AbortController();
    const pending = createClient().request({ url, provider: 'openai', signal: controller.signal });
    await requestArrived.promise;
    const reason = new Error('client went away');
    controller.abort(reason);
    expect(await rejectionOf(pending)).toBe(reason);
    await connectionClosed.promise;
  });

  it('aborts a streaming body with the signal reason, and the server sees the connection close', async () => {
    const connectionClosed = deferred();
    const url = await startServer((request, response) => {
      request.socket.on('close', () => connectionClosed.resolve());
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: one\n\n');
    });
    const controller = new AbortController();
    const response = await createClient().request({ url, provider: 'openai', signal: controller.signal });
    const error = await rejectionOf(
      (async () => {
        for await (const _chunk of response.body) controller.abort();
      })(),
    );
    expect(error).toBe(controller.signal.reason);
    expect((error as Error).name).toBe('AbortError');
    await connectionClosed.promise;
  });

  it('rejects at once with the reason of an already aborted signal', async () => {
    const url = await startServer((_request, response) => response.end('ok'));
    const reason = new Error('already gone');
    const error = await rejectionOf(
      createClient().request({ url, provider: 'openai', signal: AbortSignal.abort(reason) }),
    );
    expect(error).toBe(reason);
  });

  it('frees the connection when the body is disposed', async () => {
    const connectionClosed = deferred();
    const url = await startServer((request, response) => {
      request.socket.on('close', () => connectionClosed.resolve());
      response.writeHead(200);
      response.write('partial');
    });
    const response = await createClient().request({ url, provider: 'openai' });
    response.dispose();
    await connectionClosed.promise;
  });

  it('refuses requests once closed', async () => {
    const url = await startServer((_request, response) => response.end('ok'));
    const client = new HttpClient();
    expect(await (await client.request({ url, provider: 'openai' })).text()).toBe('ok');
    await client.close();
    await expect(client.request({ url, provider: 'openai' })).rejects.toThrow(/closed/);
  });

  it('never follows a redirect: a 502-kind UpstreamError naming it, and the Location is not contacted', async () => {
    let contacted = false;
    const elsewhere = await startServer((_request, response) => {
      contacted = true;
      response.end('metadata');
    });
    const url = await startServer((_request, response) => {
      response.writeHead(302, { location: `${elsewhere}/latest/meta-data/` });
      response.end();
    });
    const error = await rejectionOf(createClient().request({ url, provider: 'openai' }));
    expect(UpstreamError.isInstance(error)).toBe(true);
    expect((error as UpstreamError).status).toBe(502);
    expect((error as UpstreamError).message).toMatch(/redirect \(HTTP 302\)/);
    expect(contacted).toBe(false);
  });

  it('turns a header value with CR/LF into an InvalidRequestError naming the header, never its value', async () => {
    const url = await startServer((_request, response) => response.end('ok'));
    const error = await rejectionOf(createClient().request({ url, provider: 'anthropic', headers: { 'anthropic-beta': 'x\r\nx-injected: sk-secret' } }));
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).param).toBe('anthropic-beta');
    expect((error as Error).message).not.toMatch(/secret|injected/);
  });
});
