import { request as httpRequest } from 'node:http';
import { startOpenAIMock, type OpenAIMock } from '@switchyard/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

interface UploadResult {
  status: number;
  body: string;
  sent: number;
  /** The most bytes that had left the client but not yet reached the upstream, sampled at every write. */
  maxInFlight: number;
}

/**
 * Sends `total` bytes generated on the fly (nothing held whole on the client either), waiting
 * for the socket to drain between chunks, and stops early if the answer comes first.
 */
function upload(url: string, path: string, total: number, options: { headers?: Record<string, string>; declareLength?: boolean; received?: () => number }): Promise<UploadResult> {
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let maxInFlight = 0;
    let answered = false;
    const target = new URL(path, url);
    const headers: Record<string, string | number> = { 'content-type': 'application/octet-stream', 'x-switchyard-config': '{"provider":"@openai-test"}', ...options.headers };
    if (options.declareLength) headers['content-length'] = total;
    const req = httpRequest({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: 'POST', headers }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => (body += text));
      res.on('end', () => resolve({ status: res.statusCode!, body, sent, maxInFlight }));
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = async () => {
      while (sent < total && !answered && !req.destroyed) {
        const piece = total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
        const drained = req.write(piece);
        sent += piece.length;
        if (options.received) maxInFlight = Math.max(maxInFlight, sent - options.received());
        if (!drained) await new Promise<void>((done) => {
          const finish = () => {
            req.off('drain', finish);
            req.off('close', finish);
            req.off('response', finish);
            done();
          };
          req.once('drain', finish);
          req.once('close', finish);
          req.once('response', finish);
        });
      }
      if (!answered && !req.destroyed) req.end();
    };
    if (options.declareLength && total > 0) {
      // Send the head alone first: a declared size over the limit must be refused before any body byte.
      req.flushHeaders();
      setTimeout(() => void pump(), 200);
    } else void pump();
  });
}

describe('uploads stream through the gateway', () => {
  let upstream: OpenAIMock;
  let gateway: TestGateway;
  let limited: TestGateway;

  beforeAll(async () => {
    // The mock counts upload bytes without keeping them, so 200 MB leaves the test process flat too.
    upstream = await startOpenAIMock({ apiKey: 'sk-upstream', keepBodyBytes: 64 * 1024 });
    const providers = { 'openai-test': { adapter: 'openai', apiKey: 'sk-upstream', baseURL: `${upstream.url}/v1` } };
    gateway = await startTestGateway({ providers });
    limited = await startTestGateway({ providers, uploadLimitBytes: 1024 * 1024 });
  });
  afterAll(async () => {
    await gateway?.close();
    await limited?.close();
    await upstream?.close();
  });

  it('passes a 200 MB upload to the upstream while the client is still sending, holding little of it at once', async () => {
    upstream.reset();
    const total = 200 * 1024 * 1024;
    const before = upstream.bodyBytesReceived();
    const result = await upload(gateway.url, '/v1/uploads/upload_big/parts', total, { received: () => upstream.bodyBytesReceived() - before });
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ object: 'upload.part', upload_id: 'upload_big', bytes: total });
    // Had the gateway read the upload whole before forwarding, 200 MB would have been in flight
    // (sent, not yet upstream). Streaming with backpressure keeps it to socket and stream buffers.
    expect(result.maxInFlight).toBeLessThan(48 * 1024 * 1024);
    expect(upstream.received[0]!.raw.byteLength).toBe(64 * 1024);
  }, 120_000);

  it('refuses a declared length over the upload limit with 413 before reading the body', async () => {
    upstream.reset();
    const result = await upload(limited.url, '/v1/audio/transcriptions', 5 * 1024 * 1024, {
      declareLength: true,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(result.status).toBe(413);
    expect(result.sent).toBe(0);
    expect(JSON.parse(result.body)).toEqual({
      error: { message: "The request body is larger than the gateway's upload limit of 1048576 bytes.", type: expect.any(String), param: null, code: 'upload_too_large' },
    });
    expect(upstream.received).toHaveLength(0);
  });

  it('cuts off an undeclared (chunked) upload that crosses the limit with 413, the upstream call aborted', async () => {
    upstream.reset();
    const result = await upload(limited.url, '/v1/uploads/upload_small/parts', 8 * 1024 * 1024, {});
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body).error.code).toBe('upload_too_large');
    // The client was stopped well before sending it all.
    expect(result.sent).toBeLessThan(8 * 1024 * 1024);
    expect(upstream.received.filter((request) => !request.aborted)).toHaveLength(0);
    expect(limited.records.at(-1)).toMatchObject({ status: 413, errorKind: 'payload_too_large' });
  });
});
