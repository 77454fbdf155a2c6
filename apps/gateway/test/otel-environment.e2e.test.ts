import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parsePrometheusText } from '@switchyard/observability';
import { startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startGateway } from '../src/create-gateway.js';
import { parseConfig } from '../src/load-config.js';
import { decodeOtlpTraces, decodedSpans } from '../../../packages/observability/test/decode-otlp-traces.js';

const gatewayKey = 'gateway-key-0123456789abcdef';

/** A collector that records each POST; `status` is what it answers. */
async function startCollector(status = 200) {
  const posts: Array<{ path?: string; headers: Record<string, string | string[] | undefined>; body: Buffer }> = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      posts.push({ path: request.url, headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    posts,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function waitFor<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 8_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no ${what} within 8 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function spanCounts(gatewayUrl: string): Promise<Record<string, number>> {
  const { samples, types } = parsePrometheusText(await (await fetch(`${gatewayUrl}/metrics`)).text());
  expect(types.switchyard_trace_spans_total).toBe('counter');
  return Object.fromEntries(samples.filter((sample) => sample.name === 'switchyard_trace_spans_total').map((sample) => [sample.labels.outcome, sample.value]));
}

/** The span counts once the request's two spans (server and upstream call) have failed to export. */
function twoFailedSpans(gatewayUrl: string): Promise<Record<string, number>> {
  return waitFor(async () => {
    const current = await spanCounts(gatewayUrl);
    return current.failed === 2 ? current : undefined;
  }, 'two failed spans');
}

/** A gateway in front of `upstreamUrl` with no tracing in its file: `env` alone configures it. */
function startEnvGateway(upstreamUrl: string, env: Record<string, string>, logs: 'off' | 'memory' = 'off') {
  const providers = { openai: { adapter: 'openai', apiKey: 'sk-upstream', baseURL: `${upstreamUrl}/v1` } };
  return startGateway({ config: parseConfig({ apiKeys: [gatewayKey], logs: { store: logs }, providers, defaultProvider: 'openai' }, {}), env, host: '127.0.0.1', port: 0 });
}

describe('tracing configured by OTEL_* variables', () => {
  it('sends spans to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, with the variables headers, protocol and service name, and counts them in /metrics', async () => {
    const collector = await startCollector();
    const upstream = await startOpenAIMock();
    // No tracing in the file: the variables turn it on.
    const gateway = await startEnvGateway(
      upstream.url,
      {
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${collector.url}/collector/spans`,
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9/ignored-when-the-signal-variable-is-set',
        OTEL_EXPORTER_OTLP_HEADERS: 'Authorization=Bearer%20collector-token, x-tenant = edge ',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'edge-gateway',
        OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=prod%2Ceu,service.name=overridden-by-OTEL_SERVICE_NAME,service.version=1.2.3',
      },
      'memory',
    );
    try {
      expect(await spanCounts(gateway.url)).toEqual({ exported: 0, dropped: 0, failed: 0 });
      const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: gatewayKey, maxRetries: 0 });
      await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
      // The exporter sends what waits every 2 s; its counter moves once the collector answered.
      const counts = await waitFor(async () => {
        const current = await spanCounts(gateway.url);
        return current.exported === 2 ? current : undefined;
      }, 'exported spans');
      expect(counts).toEqual({ exported: 2, dropped: 0, failed: 0 });
      // The scrapes and health checks made meanwhile are the gateway's own: no span, no request counted.
      expect((await fetch(`${gateway.url}/health`)).status).toBe(200);
      const { samples } = parsePrometheusText(await (await fetch(`${gateway.url}/metrics`)).text());
      const requests = samples.filter((sample) => sample.name === 'switchyard_requests_total');
      expect(requests.map((sample) => [sample.labels.route, sample.value])).toEqual([['/v1/chat/completions', 1]]);

      expect(collector.posts).toHaveLength(1);
      const [post] = collector.posts;
      expect(post!.path).toBe('/collector/spans');
      expect(post!.headers['content-type']).toBe('application/json');
      expect(post!.headers.authorization).toBe('Bearer collector-token');
      expect(post!.headers['x-tenant']).toBe('edge');
      const body = decodeOtlpTraces(post!.body, 'application/json');
      expect(body.resourceSpans[0].resource.attributes).toEqual([
        { key: 'service.name', value: { stringValue: 'edge-gateway' } },
        { key: 'deployment.environment.name', value: { stringValue: 'prod,eu' } },
        { key: 'service.version', value: { stringValue: '1.2.3' } },
      ]);
      const spans = decodedSpans(body);
      expect(spans.map((span: { name: string }) => span.name)).toEqual(['chat gpt-4o-mini', 'chat gpt-4o-mini']);
      // The upstream learnt the trace of its attempt span.
      const attempt = spans.find((span: { parentSpanId?: string }) => span.parentSpanId)!;
      expect(upstream.received[0]!.headers.traceparent).toBe(`00-${attempt.traceId}-${attempt.spanId}-01`);
    } finally {
      await gateway.close();
      await upstream.close();
      await collector.close();
    }
  });

  it('adds OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME to a file that names its collector, which keeps its endpoint and its own attributes', async () => {
    const fileCollector = await startCollector();
    const envCollector = await startCollector();
    const upstream = await startOpenAIMock();
    const providers = { openai: { adapter: 'openai', apiKey: 'sk-upstream', baseURL: `${upstream.url}/v1` } };
    const tracing = { otlpEndpoint: fileCollector.url, resourceAttributes: { 'deployment.environment.name': 'from-file' } };
    const gateway = await startGateway({
      config: parseConfig({ apiKeys: [gatewayKey], logs: { store: 'off' }, providers, defaultProvider: 'openai', tracing }, {}),
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: envCollector.url,
        OTEL_SERVICE_NAME: 'pod-gateway',
        OTEL_RESOURCE_ATTRIBUTES: 'k8s.pod.name=gateway-7f9c,deployment.environment.name=from-env',
      },
      host: '127.0.0.1',
      port: 0,
    });
    try {
      await new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: gatewayKey, maxRetries: 0 }).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
      await waitFor(async () => ((await spanCounts(gateway.url)).exported === 2 ? true : undefined), 'exported spans');
      expect(envCollector.posts).toHaveLength(0);
      expect(fileCollector.posts.map((post) => post.path)).toEqual(['/v1/traces']);
      const body = decodeOtlpTraces(fileCollector.posts[0]!.body, 'application/x-protobuf');
      const attributes = Object.fromEntries(body.resourceSpans[0].resource.attributes.map((attribute: { key: string; value: { stringValue: string } }) => [attribute.key, attribute.value.stringValue]));
      expect(attributes).toEqual({ 'service.name': 'pod-gateway', 'k8s.pod.name': 'gateway-7f9c', 'deployment.environment.name': 'from-file' });
    } finally {
      await gateway.close();
      await upstream.close();
      await fileCollector.close();
      await envCollector.close();
    }
  });

  it('counts spans a collector refused as failed, and samples none at OTEL_TRACES_SAMPLER=always_off', async () => {
    const collector = await startCollector(503);
    const upstream = await startOpenAIMock();
    const refusing = await startEnvGateway(upstream.url, { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url });
    const unsampled = await startEnvGateway(upstream.url, { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_TRACES_SAMPLER: 'always_off' });
    try {
      for (const gateway of [refusing, unsampled]) {
        await new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: gatewayKey, maxRetries: 0 }).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
      }
      expect(await twoFailedSpans(refusing.url)).toEqual({ exported: 0, dropped: 0, failed: 2 });
      // The base endpoint gets /v1/traces, and protobuf is the default encoding.
      expect(collector.posts.map((post) => [post.path, post.headers['content-type']])).toEqual([['/v1/traces', 'application/x-protobuf']]);
      expect(await spanCounts(unsampled.url)).toEqual({ exported: 0, dropped: 0, failed: 0 });
      // Unsampled, the upstream still learns the trace, flagged not sampled.
      expect(upstream.received.at(-1)!.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    } finally {
      await refusing.close();
      await unsampled.close();
      await upstream.close();
      await collector.close();
    }
  });

  it('gives up on a collector that does not answer after OTEL_EXPORTER_OTLP_TIMEOUT, counting the spans as failed', async () => {
    // Takes the POST and never answers.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const upstream = await startOpenAIMock();
    const gateway = await startEnvGateway(upstream.url, { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, OTEL_EXPORTER_OTLP_TIMEOUT: '300' });
    try {
      await new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: gatewayKey, maxRetries: 0 }).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
      // Sent within the 2 s flush interval, failed 300 ms later; the default 10 s deadline would miss waitFor's 8 s.
      expect(await twoFailedSpans(gateway.url)).toEqual({ exported: 0, dropped: 0, failed: 2 });
    } finally {
      await gateway.close();
      await upstream.close();
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('refuses to start on a variable it cannot honour, naming it', async () => {
    const config = parseConfig({ logs: { store: 'off' } }, {});
    const start = (env: Record<string, string>) => startGateway({ config, env, host: '127.0.0.1', port: 0 });
    await expect(start({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).rejects.toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL: "grpc" is not supported/);
    await expect(start({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).rejects.toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT: "collector:4318" must be an http/);
    await expect(start({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_TRACES_SAMPLER_ARG: '1.5', OTEL_TRACES_SAMPLER: 'traceidratio' })).rejects.toThrow(/OTEL_TRACES_SAMPLER_ARG: "1.5"/);
    await expect(start({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_EXPORTER_OTLP_HEADERS: 'no-equals-sign' })).rejects.toThrow(/OTEL_EXPORTER_OTLP_HEADERS: "no-equals-sign" is not key=value/);
    await expect(start({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: '10s' })).rejects.toThrow(/OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: "10s" is not a whole number/);
    await expect(start({ OTEL_TRACES_EXPORTER: 'zipkin' })).rejects.toThrow(/OTEL_TRACES_EXPORTER: "zipkin" is not supported/);
  });
});
