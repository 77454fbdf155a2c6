import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { type OpenAIMock, startOpenAIMock } from '@switchyard/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// A client that goes away must not leave work or sockets behind upstream, and a client that
// never finishes its request must not hold a gateway connection forever.
describe('client aborts and resources', () => {
  let upstream: OpenAIMock;
  let gateway: TestGateway;

  beforeAll(async () => {
    upstream = await startOpenAIMock({ streamDelayMs: 200, words: 40 });
    gateway = await startTestGateway({
      upstreamConnections: 4,
      clientTimeouts: { headersMs: 1_000, bodyIdleMs: 1_000 },
      providers: { slow: { adapter: 'openai', apiKey: 'sk-slow', baseURL: `${upstream.url}/v1` } },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  const chatBody = (stream: boolean) => JSON.stringify({ model: '@slow/gpt-4o', stream, messages: [{ role: 'user', content: 'tell me a long story' }] });

  it('a client that disconnects before the answer closes the upstream request within a second', async () => {
    upstream.reset();
    upstream.failNext({ delayMs: 30_000 });
    const controller = new AbortController();
    const pending = fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody(false), signal: controller.signal }).catch(() => undefined);
    await upstream.waitForRequests(1);
    const abortedAt = performance.now();
    controller.abort();
    await pending;
    const closed = await upstream.waitForClientClose(3_000);
    const ms = closed.closedAt! - abortedAt;
    console.log(`[reliability] client abort before answer -> upstream closed: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(1_000);
  });

  it('a client that disconnects mid-stream closes the upstream stream within a second', async () => {
    upstream.reset();
    const controller = new AbortController();
    const response = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody(true), signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    const abortedAt = performance.now();
    controller.abort();
    await reader.read().catch(() => undefined);
    const closed = await upstream.waitForClientClose(3_000);
    const ms = closed.closedAt! - abortedAt;
    console.log(`[reliability] client abort mid-stream -> upstream closed: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(1_000);
  });

  it('many clients that stall and leave release every upstream socket, and the pool stays bounded', async () => {
    upstream.reset();
    await upstream.waitForOpenConnections(0, 10_000).catch(() => undefined);
    let peak = 0;
    const unsubscribe = upstream.onRequest(() => (peak = Math.max(peak, upstream.openConnections())));
    const clients = Array.from({ length: 12 }, () => stalledStreamingClient(gateway.url, chatBody(true)));
    // The pool admits 4 connections to the origin; the rest of the requests queue in the gateway.
    await upstream.waitForRequests(4, 5_000);
    expect(upstream.openConnections()).toBeLessThanOrEqual(4);
    for (const client of clients) client.leave();
    const left = await upstream.waitForOpenConnections(0, 10_000);
    unsubscribe();
    console.log(`[reliability] 12 stalled clients left -> open upstream sockets ${left}, peak ${peak} (pool bound 4)`);
    expect(left).toBe(0);
    expect(peak).toBeLessThanOrEqual(4);
    // And the gateway still answers.
    const health = await fetch(`${gateway.url}/health`);
    expect(health.status).toBe(200);
  });

  it('a slowloris client sending headers byte by byte is cut off by the header deadline', async () => {
    const socket = connect(new URL(gateway.url).port as unknown as number, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const startedAt = performance.now();
    socket.write('POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => socket.writable && socket.write('x-drip: a\r\n'), 200);
    const received: string[] = [];
    socket.on('data', (chunk) => received.push(chunk.toString()));
    await new Promise((resolve) => socket.once('close', resolve));
    clearInterval(drip);
    const ms = performance.now() - startedAt;
    console.log(`[reliability] slowloris headers -> connection closed: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(4_000);
    expect(received.join('')).toMatch(/^HTTP\/1\.1 408|^$/);
  });

  it('a client that sends headers then stalls its body gets 408 after the body idle deadline', async () => {
    const startedAt = performance.now();
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(`${gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' } }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.write('{"model":"@slow/gpt-4o",');
    });
    const ms = performance.now() - startedAt;
    console.log(`[reliability] stalled request body -> ${status}: ${Math.round(ms)} ms`);
    expect(status).toBe(408);
    expect(JSON.parse(body).error.message).toMatch(/request body/i);
    expect(ms).toBeLessThan(4_000);
  });
});

/** A streaming client that reads nothing after the headers, until told to leave. */
function stalledStreamingClient(base: string, body: string): { leave(): void } {
  const request = httpRequest(`${base}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (response) => response.pause());
  request.on('error', () => undefined);
  request.end(body);
  return { leave: () => request.destroy() };
}
