import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockHandler, type MockServer } from './mock-server.js';

let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

// Three SSE events, then the end.
const sseHandler: MockHandler = (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.write('data: 1\n\ndata: ');
  response.write('2\n\ndata: 3\n\n');
  response.end();
};

/** The status, headers and body text a raw request got, or the socket error it ended with. */
function rawRequest(url: string): Promise<{ status?: number; body: string; error?: Error }> {
  return new Promise((resolve) => {
    let body = '';
    let status: number | undefined;
    const request = httpRequest(url, { agent: false }, (response) => {
      status = response.statusCode;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status, body }));
      response.on('error', (error) => resolve({ status, body, error }));
    });
    request.on('error', (error) => resolve({ status, body, error }));
    request.end();
  });
}

describe('startMockServer', () => {
  it('listens on loopback and records each request as sent', async () => {
    mock = await startMockServer((_request, response) => response.end('ok'));
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    const seen: string[] = [];
    const unsubscribe = mock.onRequest((request) => seen.push(request.path));

    await fetch(`${mock.url}/a/b?x=1&y=2`, { method: 'PUT', headers: { 'X-Mixed-Case': 'v' }, body: '{"k":[1,2]}' });
    await fetch(`${mock.url}/plain`, { method: 'POST', body: 'not json' });
    unsubscribe();
    await fetch(`${mock.url}/after`);

    const [first, second] = await mock.waitForRequests(3);
    expect(first).toMatchObject({ method: 'PUT', path: '/a/b?x=1&y=2', body: '{"k":[1,2]}', json: { k: [1, 2] }, aborted: false });
    expect(first!.headers['x-mixed-case']).toBe('v');
    expect(second).toMatchObject({ body: 'not json', json: undefined });
    expect(seen).toEqual(['/a/b?x=1&y=2', '/plain']);

    mock.failNext({ status: 500 });
    mock.reset();
    expect(mock.received).toEqual([]);
    expect((await fetch(mock.url)).status).toBe(200);
  });

  it('waitForRequests rejects after its timeout', async () => {
    mock = await startMockServer((_request, response) => response.end());
    await expect(mock.waitForRequests(1, 30)).rejects.toThrow(/timed out after 30 ms/);
  });

  it('answers 500 when the handler throws', async () => {
    mock = await startMockServer(() => {
      throw new Error('boom');
    });
    const response = await fetch(mock.url);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('boom');
  });

  it('answers a status fault with the default or given body and headers', async () => {
    mock = await startMockServer((_request, response) => response.end('ok'));
    mock.failNext({ status: 502 }, { status: 418, body: 'teapot', headers: { 'x-why': 'because' } });
    const first = await fetch(mock.url);
    expect(first.status).toBe(502);
    expect(((await first.json()) as any).error.message).toContain('502');
    const second = await fetch(mock.url);
    expect(second.status).toBe(418);
    expect(second.headers.get('x-why')).toBe('because');
    expect(await second.text()).toBe('teapot');
  });

  it('cuts after n events on event boundaries, even when writes split events', async () => {
    mock = await startMockServer(sseHandler);
    mock.failNext({ cutAfterEvents: 2 }, { cutAfterEvents: 0 }, { cutAfterEvents: 9 });
    const two = await rawRequest(mock.url);
    expect(two.body).toBe('data: 1\n\ndata: 2\n\n');
    expect(two.error).toBeDefined();
    const none = await rawRequest(mock.url);
    expect(none).toMatchObject({ status: 200, body: '' });
    expect(none.error).toBeDefined();
    // Fewer events than asked: everything passes, but the body never completes.
    const all = await rawRequest(mock.url);
    expect(all.body).toBe('data: 1\n\ndata: 2\n\ndata: 3\n\n');
    expect(all.error).toBeDefined();
    expect(mock.received.every((request) => !request.aborted)).toBe(true);
  });

  it('destroys the connection without an answer', async () => {
    mock = await startMockServer(sseHandler);
    mock.failNext({ destroy: true });
    const result = await rawRequest(mock.url);
    expect(result.status).toBeUndefined();
    expect(result.error).toBeDefined();
  });

  it('stalls after headers until the client closes, and close() ends stalled connections', async () => {
    mock = await startMockServer(sseHandler);
    mock.failNext({ stallAfterHeaders: true }, { stallAfterHeaders: true });
    const controller = new AbortController();
    const response = await fetch(mock.url, { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    controller.abort();
    const closed = await mock.waitForClientClose();
    expect(closed.aborted).toBe(true);

    const stalled = rawRequest(mock.url);
    await mock.waitForRequests(2);
    await mock.close();
    mock = undefined;
    expect((await stalled).error).toBeDefined();
  });

  it('does not run the handler when the client leaves during a delay', async () => {
    let handled = 0;
    mock = await startMockServer((_request, response) => {
      handled++;
      response.end();
    });
    mock.failNext({ delayMs: 300 });
    await fetch(mock.url, { signal: AbortSignal.timeout(50) }).catch(() => undefined);
    await mock.waitForClientClose();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(handled).toBe(0);
  });

  it('keeps nothing when recording is off', async () => {
    mock = await startMockServer((_request, response) => response.end(), { recordRequests: false });
    let calls = 0;
    mock.onRequest(() => calls++);
    await fetch(mock.url);
    expect(mock.received).toEqual([]);
    expect(calls).toBe(1);
  });

  it('counts open connections and notes when a client closed early', async () => {
    mock = await startMockServer(() => undefined);
    mock.failNext({ stallAfterHeaders: true });
    const request = httpRequest(mock.url, { agent: false, method: 'POST' }, (response) => response.resume());
    request.on('error', () => undefined);
    request.end('{}');
    await mock.waitForRequests(1);
    expect(mock.openConnections()).toBe(1);
    const before = performance.now();
    request.destroy();
    const closed = await mock.waitForClientClose();
    expect(closed.closedAt).toBeGreaterThanOrEqual(before);
    expect(await mock.waitForOpenConnections(0)).toBe(0);
  });
});
