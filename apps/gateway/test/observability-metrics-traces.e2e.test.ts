import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parsePrometheusText } from '@switchyard/observability';
import { type MemorySpanExporter, createMemorySpanExporter } from '@switchyard/observability/testing';
import { type OpenAIMock, startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from '../src/create-gateway.js';
import { parseConfig } from '../src/load-config.js';
import type { GatewayConfigInput } from '../src/gateway-config.js';
import { decodeOtlpTraces, decodedSpans } from '../../../packages/observability/test/decode-otlp-traces.js';

const adminKey = 'admin-key-0123456789abcdef';
const gatewayKey = 'gateway-key-0123456789abcdef';

async function start(config: GatewayConfigInput, spanExporter?: MemorySpanExporter): Promise<RunningGateway> {
  return startGateway({
    config: parseConfig({ responses: { store: 'memory' }, files: { store: 'memory' }, logs: { store: 'memory' }, ...config }, {}),
    env: {},
    host: '127.0.0.1',
    port: 0,
    spanExporter,
  });
}

describe('metrics and traces through the gateway', () => {
  let primary: OpenAIMock;
  let backup: OpenAIMock;
  let gateway: RunningGateway;
  const spans = createMemorySpanExporter();

  beforeAll(async () => {
    primary = await startOpenAIMock();
    backup = await startOpenAIMock();
    gateway = await start(
      {
        apiKeys: [gatewayKey],
        adminKeys: [adminKey],
        defaultProvider: 'primary',
        tracing: { captureContent: false },
        providers: {
          primary: { adapter: 'openai', apiKey: 'sk-primary', baseURL: `${primary.url}/v1` },
          backup: { adapter: 'openai', apiKey: 'sk-backup', baseURL: `${backup.url}/v1` },
        },
        configs: { fallback: { strategy: { mode: 'fallback' }, targets: [{ provider: '@primary' }, { provider: '@backup' }] } },
      },
      spans,
    );
  });
  afterAll(async () => {
    await gateway?.close();
    await primary?.close();
    await backup?.close();
  });
  beforeEach(() => {
    primary.reset();
    backup.reset();
    spans.reset();
  });

  const client = (headers: Record<string, string> = {}) => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: gatewayKey, maxRetries: 0, defaultHeaders: headers });

  async function scrape() {
    // Scrapers carry no gateway key: /metrics is open unless `metrics.protect` is set.
    const response = await fetch(`${gateway.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    return parsePrometheusText(await response.text());
  }
  const sum = (samples: ReturnType<typeof parsePrometheusText>['samples'], name: string, labels: Record<string, string> = {}) =>
    samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value)).reduce((total, sample) => total + sample.value, 0);

  it('counts requests, tokens, latency, time to first token and overhead in GET /metrics', async () => {
    const before = (await scrape()).samples;
    const { data } = await client().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'one two three' }] }).withResponse();
    const stream = await client().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'stream me' }], stream: true, stream_options: { include_usage: true } });
    for await (const _chunk of stream);
    const { samples, types } = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) => sum(samples, name, labels) - sum(before, name, labels);

    expect(types).toMatchObject({ switchyard_requests_total: 'counter', gen_ai_client_token_usage: 'histogram', gen_ai_client_operation_duration_seconds: 'histogram', switchyard_overhead_seconds: 'histogram' });
    // The log's losses only ever grow: a counter (rate() works on it), none lost here.
    expect(types).toMatchObject({ switchyard_log_records_dropped_total: 'counter', switchyard_log_queue_length: 'gauge' });
    expect(samples.filter((sample) => sample.name === 'switchyard_log_records_dropped_total').map((sample) => sample.value)).toEqual([0]);
    expect(delta('switchyard_requests_total', { route: '/v1/chat/completions', status: '200', provider: 'primary' })).toBe(2);
    expect(delta('gen_ai_client_token_usage_count', { gen_ai_token_type: 'input', gen_ai_provider_name: 'openai', gen_ai_request_model: 'gpt-4o-mini' })).toBe(2);
    expect(delta('gen_ai_client_token_usage_sum', { gen_ai_token_type: 'input' })).toBeGreaterThanOrEqual(data.usage!.prompt_tokens);
    expect(delta('gen_ai_client_operation_duration_seconds_count', { gen_ai_operation_name: 'chat' })).toBe(2);
    expect(delta('gen_ai_server_time_to_first_token_seconds_count')).toBe(1);
    expect(delta('switchyard_overhead_seconds_count', { route: '/v1/chat/completions' })).toBe(2);
    expect(delta('switchyard_cost_usd_total', { gen_ai_request_model: 'gpt-4o-mini' })).toBeGreaterThan(0);
    expect(sum(samples, 'switchyard_requests_in_flight')).toBeGreaterThanOrEqual(0);
    // Histogram buckets are cumulative and end at +Inf = count.
    const buckets = samples.filter((sample) => sample.name === 'switchyard_overhead_seconds_bucket' && sample.labels.route === '/v1/chat/completions');
    expect(buckets.at(-1)!.labels.le).toBe('+Inf');
    expect(buckets.at(-1)!.value).toBe(sum(samples, 'switchyard_overhead_seconds_count', { route: '/v1/chat/completions' }));
    for (let index = 1; index < buckets.length; index += 1) expect(buckets[index]!.value).toBeGreaterThanOrEqual(buckets[index - 1]!.value);
  });

  it('counts attempts, retries-free fallbacks and errors by kind', async () => {
    const before = (await scrape()).samples;
    primary.failNext({ status: 503, body: { error: { message: 'overloaded', type: 'server_error' } } });
    await client({ 'x-switchyard-config': 'fallback' }).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
    backup.failNext({ status: 400, body: { error: { message: 'nope', type: 'invalid_request_error' } } });
    await expect(client().chat.completions.create({ model: '@backup/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 400 });
    const { samples } = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) => sum(samples, name, labels) - sum(before, name, labels);
    expect(delta('switchyard_fallbacks_total')).toBe(1);
    expect(delta('switchyard_attempts_total', { provider: 'backup', outcome: 'success' })).toBe(1);
    expect(delta('switchyard_attempts_total', { provider: 'primary' })).toBe(1);
    expect(delta('switchyard_errors_total', { error_type: 'invalid_request' })).toBe(1);
  });

  it('exports a request span and a span per attempt, continuing the caller trace and handing it upstream', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    primary.failNext({ status: 500, body: { error: { message: 'boom', type: 'server_error' } } });
    await client({ traceparent: `00-${traceId}-00f067aa0ba902b7-01`, 'x-switchyard-config': 'fallback' }).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'secret prompt text' }] });
    await expect.poll(() => spans.spans().length, { timeout: 5000 }).toBe(3);
    const finished = spans.spans();
    const request = finished.find((span) => span.kind === 'server')!;
    const attempts = finished.filter((span) => span.kind === 'client').sort((a, b) => Number(a.attributes['switchyard.attempt_index']) - Number(b.attributes['switchyard.attempt_index']));
    expect(request.traceId).toBe(traceId);
    expect(request.parentSpanId).toBe('00f067aa0ba902b7');
    expect(request.attributes).toMatchObject({ 'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'openai', 'switchyard.provider': 'backup', 'gen_ai.request.model': 'gpt-4o-mini', 'gen_ai.response.model': 'gpt-4o-mini', 'http.response.status_code': 200 });
    expect(request.attributes['gen_ai.usage.input_tokens']).toBeGreaterThan(0);
    expect(attempts.map((span) => [span.attributes['gen_ai.provider.name'], span.attributes['switchyard.provider']])).toEqual([
      ['openai', 'primary'],
      ['openai', 'backup'],
    ]);
    expect(attempts[0]!.attributes['error.type']).toBeDefined();
    // Each upstream got a traceparent in the caller's trace whose parent is its own attempt span.
    expect(primary.received[0]!.headers.traceparent).toBe(`00-${traceId}-${attempts[0]!.spanId}-01`);
    expect(backup.received[0]!.headers.traceparent).toBe(`00-${traceId}-${attempts[1]!.spanId}-01`);
    // Content stays off spans unless tracing.captureContent is set.
    expect(JSON.stringify(finished.map((span) => span.attributes))).not.toContain('secret prompt text');
  });

  it('puts x-switchyard-overhead-ms on every response, errors included', async () => {
    const ok = await fetch(`${gateway.url}/v1/models`, { headers: { authorization: `Bearer ${gatewayKey}` } });
    const refused = await fetch(`${gateway.url}/v1/chat/completions`, { method: 'POST', body: '{}' });
    for (const response of [ok, refused]) expect(Number(response.headers.get('x-switchyard-overhead-ms'))).toBeGreaterThanOrEqual(0);
    expect(refused.status).toBe(401);
  });
});

describe('traces over OTLP/HTTP to a collector', () => {
  it('POSTs the request span and its attempt spans as protobuf, with their GenAI attributes', async () => {
    const posts: Array<{ path?: string; contentType?: string; body: Buffer }> = [];
    const collector = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        posts.push({ path: request.url, contentType: request.headers['content-type'], body: Buffer.concat(chunks) });
        response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const primary = await startOpenAIMock();
    const backup = await startOpenAIMock();
    const gateway = await start({
      apiKeys: [gatewayKey],
      defaultProvider: 'primary',
      tracing: { otlpEndpoint: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`, serviceName: 'gateway-e2e' },
      providers: {
        primary: { adapter: 'openai', apiKey: 'sk-primary', baseURL: `${primary.url}/v1` },
        backup: { adapter: 'openai', apiKey: 'sk-backup', baseURL: `${backup.url}/v1` },
      },
      configs: { fallback: { strategy: { mode: 'fallback' }, targets: [{ provider: '@primary' }, { provider: '@backup' }] } },
    });
    let closed = false;
    try {
      primary.failNext({ status: 503, body: { error: { message: 'overloaded', type: 'server_error' } } });
      const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: gatewayKey, maxRetries: 0, defaultHeaders: { 'x-switchyard-config': 'fallback' } });
      const { data: answer, response } = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
      const requestTraceId = response.headers.get('x-switchyard-trace-id')!;
      // Closing the gateway flushes what its exporter holds.
      await gateway.close();
      closed = true;

      expect(posts.length).toBeGreaterThanOrEqual(1);
      for (const post of posts) {
        expect(post.path).toBe('/v1/traces');
        expect(post.contentType).toBe('application/x-protobuf');
      }
      const requests = posts.map((post) => decodeOtlpTraces(post.body, post.contentType));
      expect(requests[0].resourceSpans[0].resource.attributes).toEqual([{ key: 'service.name', value: { stringValue: 'gateway-e2e' } }]);
      expect(requests[0].resourceSpans[0].scopeSpans[0].scope.name).toBe('@switchyard/observability');
      const spans = requests.flatMap(decodedSpans);
      expect(spans).toHaveLength(3);
      const attributes = (span: any) => Object.fromEntries(span.attributes.map((attribute: { key: string; value: unknown }) => [attribute.key, attribute.value]));
      const request = spans.find((span) => span.kind === 2)!;
      const attempts = spans.filter((span) => span.kind === 3).sort((a, b) => Number(attributes(a)['switchyard.attempt_index'].intValue) - Number(attributes(b)['switchyard.attempt_index'].intValue));
      expect(request.name).toBe('chat gpt-4o-mini');
      expect(request.parentSpanId).toBeUndefined();
      expect(BigInt(request.endTimeUnixNano)).toBeGreaterThan(BigInt(request.startTimeUnixNano));
      expect(attributes(request)).toMatchObject({
        'gen_ai.operation.name': { stringValue: 'chat' },
        'gen_ai.provider.name': { stringValue: 'openai' },
        'gen_ai.request.model': { stringValue: 'gpt-4o-mini' },
        'gen_ai.response.model': { stringValue: answer.model },
        'gen_ai.usage.input_tokens': { intValue: String(answer.usage!.prompt_tokens) },
        'gen_ai.usage.output_tokens': { intValue: String(answer.usage!.completion_tokens) },
        'http.response.status_code': { intValue: '200' },
        'switchyard.provider': { stringValue: 'backup' },
        'switchyard.stream': { boolValue: false },
      });
      expect(request.status).toBeUndefined();
      expect(attempts.map((span) => span.parentSpanId)).toEqual([request.spanId, request.spanId]);
      expect(attempts.map((span) => span.traceId)).toEqual([request.traceId, request.traceId]);
      // With no traceparent from the caller, the trace is the one x-switchyard-trace-id names (a UUID, without its dashes).
      expect(requestTraceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(request.traceId).toBe(requestTraceId.replaceAll('-', ''));
      expect(attributes(request)['switchyard.trace_id']).toEqual({ stringValue: requestTraceId });
      expect(attributes(attempts[0])).toMatchObject({
        'gen_ai.operation.name': { stringValue: 'chat' },
        'gen_ai.provider.name': { stringValue: 'openai' },
        'gen_ai.request.model': { stringValue: 'gpt-4o-mini' },
        'switchyard.provider': { stringValue: 'primary' },
        'switchyard.attempt_index': { intValue: '0' },
        'http.response.status_code': { intValue: '503' },
      });
      expect(attempts[0].status).toMatchObject({ code: 2 });
      expect(attributes(attempts[1])).toMatchObject({
        'gen_ai.provider.name': { stringValue: 'openai' },
        'switchyard.provider': { stringValue: 'backup' },
        'switchyard.attempt_index': { intValue: '1' },
        'gen_ai.response.model': { stringValue: answer.model },
        'gen_ai.usage.output_tokens': { intValue: String(answer.usage!.completion_tokens) },
      });
      expect(attempts[1].status).toBeUndefined();
      // Each upstream got a traceparent naming its own attempt span.
      expect(primary.received[0]!.headers.traceparent).toBe(`00-${request.traceId}-${attempts[0].spanId}-01`);
      expect(backup.received[0]!.headers.traceparent).toBe(`00-${request.traceId}-${attempts[1].spanId}-01`);
    } finally {
      if (!closed) await gateway.close();
      await primary.close();
      await backup.close();
      collector.closeAllConnections();
      await new Promise((resolve) => collector.close(resolve));
    }
  });
});

describe('protected metrics', () => {
  it('asks for the admin key when metrics.protect is set', async () => {
    const gateway = await start({ adminKeys: [adminKey], metrics: { protect: true } });
    try {
      expect((await fetch(`${gateway.url}/metrics`)).status).toBe(401);
      const allowed = await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${adminKey}` } });
      expect(allowed.status).toBe(200);
      expect(parsePrometheusText(await allowed.text()).types.switchyard_requests_total).toBe('counter');
    } finally {
      await gateway.close();
    }
  });

  it('serves no /metrics when metrics are disabled', async () => {
    const gateway = await start({ metrics: { enabled: false } });
    try {
      expect((await fetch(`${gateway.url}/metrics`)).status).toBe(404);
    } finally {
      await gateway.close();
    }
  });
});
