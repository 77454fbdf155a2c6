import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeOtlpTraces, decodedSpans } from '../../test/decode-otlp-traces.js';
import type { FinishedSpan } from './finished-span.js';
import { createGatewayTracing } from './gateway-tracing.js';
import { createOtlpHttpExporter } from './otlp-http-exporter.js';
import { encodeOtlpBody } from './otlp-json.js';
import { encodeOtlpProtobufBody } from './otlp-protobuf.js';

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Decoded by its content type, protobuf or JSON, to OTLP/JSON's shape. */
  body: any;
  raw: Buffer;
}

interface Collector {
  url: string;
  received: Received[];
  /** Spans in every POST received so far. */
  spans(): any[];
  close(): Promise<void>;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A real OTLP/HTTP endpoint on a free port; `answer` picks the status (or never answers). */
async function startCollector(answer: () => number | 'hang' = () => 200, readAfterMs = 0): Promise<Collector> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    // A slow collector: the body stays unread for a while, so a large one waits in the sender.
    if (readAfterMs > 0) {
      request.pause();
      setTimeout(() => request.resume(), readAfterMs);
    }
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      received.push({ method: request.method!, path: request.url!, headers: request.headers, body: decodeOtlpTraces(raw, request.headers['content-type']), raw });
      const status = answer();
      if (status === 'hang') return;
      response.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"partialSuccess":{}}' : '{"message":"no"}');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    spans: () => received.flatMap((post) => decodedSpans(post.body)),
    close: async () => {
      servers.splice(servers.indexOf(server), 1);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const attributeMap = (span: any) => Object.fromEntries(span.attributes.map((attribute: { key: string; value: unknown }) => [attribute.key, attribute.value]));

function someSpans(count: number): FinishedSpan[] {
  return Array.from({ length: count }, (_, index) => ({
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: (index + 1).toString(16).padStart(16, '0'),
    name: `span ${index}`,
    kind: 'client' as const,
    startTimeMs: 1_700_000_000_000 + index,
    endTimeMs: 1_700_000_000_001 + index,
    attributes: { index },
  }));
}

describe('OTLP/HTTP exporter', () => {
  it('POSTs a request span and its attempts as OTLP protobuf to /v1/traces with the configured headers', async () => {
    const collector = await startCollector();
    const tracing = createGatewayTracing({ otlpEndpoint: `${collector.url}/`, headers: { 'x-honeycomb-team': 'secret-key' }, serviceName: 'gateway-under-test' });
    // A start with a fraction of a millisecond, to check the nanoseconds are exact.
    const started = 1_700_000_000_123.0625;
    const trace = tracing.begin({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }, started);
    const first = trace.upstreamCall({ provider: 'openai', method: 'POST', url: 'http://127.0.0.1:9/v1/chat/completions' });
    first.end({ status: 503 });
    const second = trace.upstreamCall({ provider: 'openai', method: 'POST', url: 'http://127.0.0.1:9/v1/chat/completions' });
    second.end({ status: 200 });
    trace.end({
      traceId: 'gw-1',
      startedAt: started,
      method: 'POST',
      path: '/v1/chat/completions',
      provider: 'backup',
      providerId: 'openai',
      modelRequested: 'gpt-4o-mini',
      modelAnswered: 'gpt-4o-mini-2024-07-18',
      status: 200,
      stream: true,
      totalMs: 40.5,
      costUsd: 0.000125,
      usage: { input: 12, output: 30, total: 42 },
      attempts: [
        { provider: 'primary', status: 503, kind: 'server_error', message: 'overloaded', durationMs: 4, retry: 0 },
        { provider: 'backup', durationMs: 30, retry: 0 },
      ],
    });
    await tracing.forceFlush();

    expect(collector.received).toHaveLength(1);
    const [post] = collector.received;
    expect(post!.method).toBe('POST');
    expect(post!.path).toBe('/v1/traces');
    expect(post!.headers['content-type']).toBe('application/x-protobuf');
    expect(post!.headers['x-honeycomb-team']).toBe('secret-key');
    const resource = post!.body.resourceSpans[0];
    expect(resource.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'gateway-under-test' } });
    expect(resource.scopeSpans[0].scope.name).toBe('@switchyard/observability');
    const spans = resource.scopeSpans[0].spans;
    expect(spans).toHaveLength(3);
    for (const span of spans) {
      expect(span.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
      expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(span.startTimeUnixNano).toMatch(/^\d+$/);
      expect(span.endTimeUnixNano).toMatch(/^\d+$/);
      expect(BigInt(span.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(span.startTimeUnixNano));
    }
    const server = spans.find((span: any) => span.kind === 2);
    const clients = spans.filter((span: any) => span.kind === 3);
    expect(server.name).toBe('chat gpt-4o-mini');
    expect(server.parentSpanId).toBe('00f067aa0ba902b7');
    expect(clients.map((span: any) => span.parentSpanId)).toEqual([server.spanId, server.spanId]);
    expect(first.headers.traceparent).toBe(`00-4bf92f3577b34da6a3ce929d0e0e4736-${clients[0].spanId}-01`);
    // ms × 1e6, exactly (a double product would end in …528 and …496): 1700000000123.0625 ms and 1700000000163.5625 ms.
    expect(server.startTimeUnixNano).toBe('1700000000123062500');
    expect(server.endTimeUnixNano).toBe('1700000000163562500');
    expect(server.status).toBeUndefined();
    expect(attributeMap(server)).toMatchObject({
      'gen_ai.usage.input_tokens': { intValue: '12' },
      'gen_ai.usage.output_tokens': { intValue: '30' },
      'http.response.status_code': { intValue: '200' },
      'gen_ai.provider.name': { stringValue: 'openai' },
      'switchyard.provider': { stringValue: 'backup' },
      'switchyard.stream': { boolValue: true },
      'switchyard.cost_usd': { doubleValue: 0.000125 },
    });
    expect(clients[0].status).toEqual({ code: 2, message: 'overloaded' });
    expect(attributeMap(clients[0])).toMatchObject({ 'error.type': { stringValue: 'server_error' }, 'switchyard.attempt_index': { intValue: '0' } });
    expect(clients[1].status).toBeUndefined();
    expect(attributeMap(clients[1])).toMatchObject({ 'gen_ai.usage.output_tokens': { intValue: '30' }, 'gen_ai.response.model': { stringValue: 'gpt-4o-mini-2024-07-18' } });
    await tracing.shutdown();
  });

  it('sends by default the protobuf body of the spans exported, carrying what their JSON body carries', async () => {
    const collector = await startCollector();
    const exporter = createOtlpHttpExporter({ endpoint: collector.url, serviceName: 'svc' });
    const spans = someSpans(70);
    exporter.export(spans);
    await exporter.forceFlush();
    expect(collector.received).toHaveLength(1);
    const [post] = collector.received;
    expect(post!.headers['content-type']).toBe('application/x-protobuf');
    expect(post!.headers['content-length']).toBe(String(post!.raw.length));
    // Encoded 64 spans at a time into the body being filled: the same bytes as one encoding of them all.
    expect(post!.raw).toEqual(encodeOtlpProtobufBody(spans, 'svc'));
    expect(post!.body).toEqual(JSON.parse(encodeOtlpBody(spans, 'svc').toString('utf8')));
    await exporter.shutdown();
  });

  it('sends OTLP JSON as before with protocol http/json, set through the gateway tracing options', async () => {
    const collector = await startCollector();
    const tracing = createGatewayTracing({ otlpEndpoint: collector.url, protocol: 'http/json', serviceName: 'svc' });
    const trace = tracing.begin({}, 1_700_000_000_000.5);
    trace.end({ traceId: 'gw-2', startedAt: 1_700_000_000_000.5, method: 'GET', path: '/v1/models', status: 200, stream: false, totalMs: 2 });
    await tracing.forceFlush();
    const [post] = collector.received;
    expect(post!.headers['content-type']).toBe('application/json');
    const [span] = JSON.parse(post!.raw.toString('utf8')).resourceSpans[0].scopeSpans[0].spans;
    expect(span).toMatchObject({ name: 'models', kind: 2, startTimeUnixNano: '1700000000000500000', endTimeUnixNano: '1700000000002500000' });
    await tracing.shutdown();

    const exporter = createOtlpHttpExporter({ endpoint: collector.url, protocol: 'http/json', serviceName: 'svc' });
    const spans = someSpans(3);
    exporter.export(spans);
    await exporter.forceFlush();
    expect(collector.received[1]!.raw).toEqual(encodeOtlpBody(spans, 'svc'));
    await exporter.shutdown();
  });

  it('sends a large backlog in batches, one POST at a time, losing nothing', async () => {
    const collector = await startCollector();
    const exporter = createOtlpHttpExporter({ endpoint: `${collector.url}/v1/traces` });
    for (const span of someSpans(600)) exporter.export([span]);
    await exporter.forceFlush();
    expect(collector.received.length).toBeGreaterThanOrEqual(2);
    for (const post of collector.received) expect(post.path).toBe('/v1/traces');
    expect(collector.spans().map((span) => span.name)).toEqual(someSpans(600).map((span) => span.name));
    expect(exporter.stats()).toEqual({ exported: 600, dropped: 0, failed: 0 });
    await exporter.shutdown();
  });

  it('sends each body whole and alone when later bodies are written into the buffers of bodies already sent', async () => {
    for (const protocol of ['http/protobuf', 'http/json'] as const) {
      const collector = await startCollector();
      const exporter = createOtlpHttpExporter({ endpoint: collector.url, protocol, batchSize: 8, serviceName: 'svc' });
      const named = (count: number, name: string) => someSpans(count).map((span) => ({ ...span, name }));
      // A long body, then a shorter one, then a long one again: a body in a reused buffer must not
      // carry what a longer body before it left there.
      const rounds = [named(8, 'a first and rather long span name'), named(3, 'short'), named(8, 'x'.repeat(90)), named(5, 'last')];
      for (const spans of rounds) {
        exporter.export(spans);
        await exporter.forceFlush();
      }
      expect(collector.received).toHaveLength(rounds.length);
      rounds.forEach((spans, index) => {
        const expected = protocol === 'http/json' ? encodeOtlpBody(spans, 'svc') : encodeOtlpProtobufBody(spans, 'svc');
        expect(collector.received[index]!.raw).toEqual(expected);
      });
      expect(exporter.stats()).toEqual({ exported: 24, dropped: 0, failed: 0 });
      await exporter.shutdown();
    }
  });

  it('leaves a body being sent alone while the next one is written', async () => {
    const collector = await startCollector(() => 200, 150);
    const exporter = createOtlpHttpExporter({ endpoint: collector.url, batchSize: 64, serviceName: 'svc' });
    // Two bodies of some 2 MB: more than the socket takes at once, so the first is still being
    // written (from its buffer) while the second is encoded.
    const batch = (letter: string) => someSpans(64).map((span) => ({ ...span, name: letter.repeat(30_000) }));
    const first = batch('a');
    const second = batch('b');
    exporter.export(first);
    await new Promise((resolve) => setTimeout(resolve, 20));
    exporter.export(second);
    await new Promise((resolve) => setTimeout(resolve, 20));
    exporter.export(batch('c').slice(0, 1));
    await exporter.forceFlush();
    expect(collector.received).toHaveLength(3);
    expect(collector.received[0]!.raw.equals(encodeOtlpProtobufBody(first, 'svc'))).toBe(true);
    expect(collector.received[1]!.raw.equals(encodeOtlpProtobufBody(second, 'svc'))).toBe(true);
    expect(collector.spans().map((span) => span.name[0])).toEqual([...'a'.repeat(64), ...'b'.repeat(64), 'c']);
    await exporter.shutdown();
  });

  it('sends what waits on its timer, without a flush', async () => {
    const collector = await startCollector();
    const exporter = createOtlpHttpExporter({ endpoint: collector.url, flushIntervalMs: 50 });
    exporter.export(someSpans(3));
    await expect.poll(() => collector.spans().length, { timeout: 2000 }).toBe(3);
    await exporter.shutdown();
  });

  it('counts spans a collector refuses, and never throws', async () => {
    const collector = await startCollector(() => 500);
    const exporter = createOtlpHttpExporter({ endpoint: collector.url });
    expect(() => exporter.export(someSpans(5))).not.toThrow();
    await expect(exporter.forceFlush()).resolves.toBeUndefined();
    expect(collector.received).toHaveLength(1);
    expect(exporter.stats()).toEqual({ exported: 0, dropped: 0, failed: 5 });
    await exporter.shutdown();
  });

  it('counts spans when the collector is down', async () => {
    const collector = await startCollector();
    await collector.close();
    const exporter = createOtlpHttpExporter({ endpoint: collector.url });
    exporter.export(someSpans(4));
    await expect(exporter.forceFlush()).resolves.toBeUndefined();
    expect(exporter.stats()).toEqual({ exported: 0, dropped: 0, failed: 4 });
    await expect(exporter.shutdown()).resolves.toBeUndefined();
  });

  it('gives up on a collector that does not answer in time', async () => {
    const collector = await startCollector(() => 'hang');
    const exporter = createOtlpHttpExporter({ endpoint: collector.url, timeoutMs: 100 });
    exporter.export(someSpans(2));
    await exporter.forceFlush();
    expect(collector.received).toHaveLength(1);
    expect(exporter.stats()).toEqual({ exported: 0, dropped: 0, failed: 2 });
    await exporter.shutdown();
  });

  it('drops and counts spans beyond the queue bound while a slow collector holds the export', async () => {
    let answers = 0;
    const collector = await startCollector(() => (answers++ === 0 ? 'hang' : 200));
    const exporter = createOtlpHttpExporter({ endpoint: collector.url, timeoutMs: 300 });
    const total = 3000;
    const spans = someSpans(total);
    for (const span of spans.slice(0, 512)) exporter.export([span]);
    // A full batch is encoded and sent on the next turn of the event loop; the collector holds it.
    await new Promise((resolve) => setImmediate(resolve));
    for (const span of spans.slice(512)) exporter.export([span]);
    const { dropped } = exporter.stats();
    // One batch of 512 went out, 2048 wait: the rest cannot be kept.
    expect(dropped).toBe(total - 512 - 2048);
    await exporter.forceFlush();
    const stats = exporter.stats();
    expect(stats.failed).toBe(512);
    expect(stats.exported).toBe(2048);
    expect(stats.exported + stats.failed + stats.dropped).toBe(total);
    await exporter.shutdown();
  });

  it('refuses spans once shut down', async () => {
    const collector = await startCollector();
    const exporter = createOtlpHttpExporter({ endpoint: collector.url });
    exporter.export(someSpans(2));
    await exporter.shutdown();
    expect(collector.spans()).toHaveLength(2);
    exporter.export(someSpans(1));
    expect(exporter.stats()).toEqual({ exported: 2, dropped: 1, failed: 0 });
  });
});
