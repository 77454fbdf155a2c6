import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createGatewayTracing } from './gateway-tracing.js';
import { createMemorySpanExporter } from './memory-span-exporter.js';

const parentTraceId = '0af7651916cd43dd8448eb211c80319c';
const parentSpanId = 'b7ad6b7169203331';

describe('gateway tracing', () => {
  it('continues the caller trace, hands the upstream a traceparent, and names spans with GenAI attributes', async () => {
    const exporter = createMemorySpanExporter();
    const tracing = createGatewayTracing({ exporter });
    const started = Date.now();
    const trace = tracing.begin({ traceparent: `00-${parentTraceId}-${parentSpanId}-01` }, started);
    const first = trace.upstreamCall({ provider: 'openai', method: 'POST', url: 'http://127.0.0.1:1234/v1/chat/completions' });
    first.end({ status: 429 });
    const second = trace.upstreamCall({ provider: 'anthropic', method: 'POST', url: 'http://127.0.0.1:1235/v1/messages' });
    second.end({ status: 200 });
    expect(first.headers.traceparent).toMatch(new RegExp(`^00-${parentTraceId}-[0-9a-f]{16}-01$`));
    trace.end({
      traceId: 'gateway-trace',
      startedAt: started,
      method: 'POST',
      path: '/v1/chat/completions',
      provider: 'anthropic',
      modelRequested: 'gpt-4o',
      modelAnswered: 'claude-haiku-4-5',
      status: 200,
      stream: false,
      totalMs: 25,
      usage: { input: 11, output: 7, total: 18 },
      attempts: [
        { provider: 'openai', status: 429, kind: 'rate_limit', message: 'slow down', durationMs: 5, retry: 0 },
        { provider: 'anthropic', durationMs: 9, retry: 0 },
      ],
    });
    await tracing.forceFlush();
    const spans = exporter.spans();
    expect(spans).toHaveLength(3);
    const request = spans.find((span) => span.kind === 'server')!;
    expect(request.traceId).toBe(parentTraceId);
    expect(request.parentSpanId).toBe(parentSpanId);
    expect(request.name).toBe('chat gpt-4o');
    expect(request.startTimeMs).toBe(started);
    expect(request.endTimeMs).toBe(started + 25);
    expect(request.status).toBeUndefined();
    expect(request.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.response.model': 'claude-haiku-4-5',
      'gen_ai.usage.input_tokens': 11,
      'gen_ai.usage.output_tokens': 7,
      'http.route': '/v1/chat/completions',
      'switchyard.trace_id': 'gateway-trace',
      'switchyard.stream': false,
    });
    const attempts = spans.filter((span) => span.kind === 'client');
    expect(attempts.map((span) => span.parentSpanId)).toEqual([request.spanId, request.spanId]);
    expect(attempts.map((span) => span.traceId)).toEqual([parentTraceId, parentTraceId]);
    // The span the upstream was told about is the attempt's own.
    expect(first.headers.traceparent).toContain(attempts[0]!.spanId);
    expect(second.headers.traceparent).toContain(attempts[1]!.spanId);
    expect(attempts[0]!.attributes).toMatchObject({ 'gen_ai.provider.name': 'openai', 'error.type': 'rate_limit', 'http.response.status_code': 429, 'server.address': '127.0.0.1:1234', 'switchyard.attempt_index': 0 });
    expect(attempts[0]!.status).toEqual({ code: 'error', message: 'slow down' });
    expect(attempts[1]!.attributes).toMatchObject({ 'gen_ai.provider.name': 'anthropic', 'gen_ai.response.model': 'claude-haiku-4-5', 'gen_ai.usage.output_tokens': 7 });
    expect(attempts[1]!.status).toBeUndefined();
    for (const attempt of attempts) expect(attempt.endTimeMs).toBeGreaterThanOrEqual(attempt.startTimeMs);
    expect(request.attributes['gen_ai.input.messages']).toBeUndefined();
    await tracing.shutdown();
  });

  it('puts every token count, the cost and the overhead on the request span, and only the counts a request has', async () => {
    const exporter = createMemorySpanExporter();
    const tracing = createGatewayTracing({ exporter });
    const base = { traceId: 'gw', startedAt: Date.now(), method: 'POST', path: '/v1/messages', provider: 'anthropic', modelRequested: 'claude-haiku-4-5', status: 200, stream: false, totalMs: 12 };
    const full = tracing.begin({}, base.startedAt);
    full.upstreamCall({ provider: 'anthropic', method: 'POST', url: 'http://127.0.0.1:1/v1/messages' }).end({ status: 200 });
    full.end({ ...base, costUsd: 0.25, overheadMs: 0.4, usage: { input: 100, output: 20, cachedInput: 60, cacheWrite: 30, reasoning: 5, total: 120 }, attempts: [{ provider: 'anthropic', durationMs: 9, retry: 0 }] });
    tracing.begin({}, base.startedAt).end({ ...base, usage: { input: 3, output: 1, total: 4 } });
    await tracing.forceFlush();
    const [client, server, bare] = exporter.spans();
    expect(server!.attributes).toMatchObject({
      'switchyard.trace_id': 'gw',
      'gen_ai.usage.input_tokens': 100,
      'gen_ai.usage.output_tokens': 20,
      'gen_ai.usage.cache_read.input_tokens': 60,
      'gen_ai.usage.cache_creation.input_tokens': 30,
      'gen_ai.usage.reasoning.output_tokens': 5,
      'switchyard.cost_usd': 0.25,
      'switchyard.overhead_ms': 0.4,
    });
    expect(client!.attributes).toMatchObject({ 'gen_ai.usage.input_tokens': 100, 'gen_ai.usage.output_tokens': 20 });
    const ownKeys = (attributes: object) => Object.keys(attributes).filter((key) => key.startsWith('gen_ai.usage.') || key === 'switchyard.cost_usd' || key === 'switchyard.overhead_ms').sort();
    expect(ownKeys(client!.attributes)).toEqual(['gen_ai.usage.input_tokens', 'gen_ai.usage.output_tokens']);
    expect(ownKeys(bare!.attributes)).toEqual(['gen_ai.usage.input_tokens', 'gen_ai.usage.output_tokens']);
    expect(bare!.attributes).toMatchObject({ 'switchyard.trace_id': 'gw', 'gen_ai.usage.input_tokens': 3, 'gen_ai.usage.output_tokens': 1 });
  });

  it('marks a failed request as an error with its message', async () => {
    const exporter = createMemorySpanExporter();
    const tracing = createGatewayTracing({ exporter });
    const trace = tracing.begin({}, Date.now());
    trace.end({ traceId: 't', startedAt: Date.now(), method: 'POST', path: '/v1/embeddings', modelRequested: 'text-embedding-3-small', status: 502, stream: false, totalMs: 3, errorKind: 'upstream_error', errorMessage: 'bad gateway' });
    const [span] = exporter.spans();
    expect(span!.name).toBe('embeddings text-embedding-3-small');
    expect(span!.status).toEqual({ code: 'error', message: 'bad gateway' });
    expect(span!.attributes['error.type']).toBe('upstream_error');
    await tracing.shutdown();
  });

  it('puts message content on the span only when asked to', async () => {
    const exporter = createMemorySpanExporter();
    const tracing = createGatewayTracing({ exporter, captureContent: true });
    const trace = tracing.begin({}, Date.now());
    trace.end({ traceId: 't', startedAt: Date.now(), method: 'POST', path: '/v1/messages', status: 200, stream: false, totalMs: 1 }, { request: '{"messages":[]}', response: '{"content":[]}' });
    await tracing.forceFlush();
    const [span] = exporter.spans();
    expect(span!.attributes['gen_ai.input.messages']).toBe('{"messages":[]}');
    expect(span!.attributes['gen_ai.output.messages']).toBe('{"content":[]}');
    // A fresh trace when the caller sent none.
    expect(span!.parentSpanId).toBeUndefined();
    expect(span!.traceId).toMatch(/^[0-9a-f]{32}$/);
    await tracing.shutdown();
  });

  it('starts a new trace when the caller sends an invalid traceparent', async () => {
    const exporter = createMemorySpanExporter();
    const tracing = createGatewayTracing({ exporter });
    const trace = tracing.begin({ traceparent: `00-${parentTraceId.toUpperCase()}-${parentSpanId}-01` }, Date.now());
    const call = trace.upstreamCall({ provider: 'openai', method: 'POST', url: 'http://127.0.0.1:1/v1/chat/completions' });
    trace.end({ traceId: 't', startedAt: Date.now(), method: 'POST', path: '/v1/chat/completions', status: 200, stream: false, totalMs: 1 });
    const request = exporter.spans().find((span) => span.kind === 'server')!;
    expect(request.traceId).not.toBe(parentTraceId);
    expect(request.parentSpanId).toBeUndefined();
    expect(call.headers.traceparent).toMatch(new RegExp(`^00-${request.traceId}-[0-9a-f]{16}-01$`));
    await tracing.shutdown();
  });
});

describe('gateway tracing trace ids', () => {
  it("names a new trace after the request's own id, and a caller's trace after the caller", async () => {
    const exporter = createMemorySpanExporter();
    const tracing = createGatewayTracing({ exporter });
    const requestTraceId = '019ac3f2-7d1b-7a3c-9e21-5f0c2b7d9a11';
    const own = tracing.begin({}, Date.now(), requestTraceId);
    expect(own.upstreamCall({ provider: 'openai', method: 'POST', url: 'http://127.0.0.1:1/v1/chat/completions' }).headers.traceparent).toMatch(/^00-019ac3f27d1b7a3c9e215f0c2b7d9a11-[0-9a-f]{16}-01$/);
    own.end({ traceId: requestTraceId, startedAt: Date.now(), method: 'POST', path: '/v1/chat/completions', status: 200, stream: false, totalMs: 1 });
    const continued = tracing.begin({ traceparent: `00-${parentTraceId}-${parentSpanId}-01` }, Date.now(), requestTraceId);
    continued.end({ traceId: requestTraceId, startedAt: Date.now(), method: 'POST', path: '/v1/chat/completions', status: 200, stream: false, totalMs: 1 });
    // An id of the client's own making that is no UUID: a random trace id.
    const custom = tracing.begin({}, Date.now(), 'checkout-42');
    custom.end({ traceId: 'checkout-42', startedAt: Date.now(), method: 'POST', path: '/v1/chat/completions', status: 200, stream: false, totalMs: 1 });
    await tracing.forceFlush();
    // The first request's two spans (its upstream call's and its own) share its trace.
    const [first, second, third] = [...new Set(exporter.spans().map((span) => span.traceId))];
    expect(exporter.spans()).toHaveLength(4);
    expect([first, second]).toEqual(['019ac3f27d1b7a3c9e215f0c2b7d9a11', parentTraceId]);
    expect(third).toMatch(/^[0-9a-f]{32}$/);
    expect(third).not.toBe(first);
    await tracing.shutdown();
  });

  it('samples traces named after time-ordered request ids at the configured share', async () => {
    const exporter = createMemorySpanExporter();
    const tracing = createGatewayTracing({ exporter, sampleRatio: 0.25 });
    const start = Date.now();
    for (let index = 0; index < 4000; index += 1) {
      // UUIDv7 layout, as the gateway makes them: 48 bits of time, then random bits.
      const time = (start + Math.floor(index / 4)).toString(16).padStart(12, '0');
      const random = randomUUID();
      const id = `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15, 18)}-${random.slice(19, 23)}-${random.slice(24)}`;
      tracing.begin({}, Date.now(), id).end({ traceId: id, startedAt: Date.now(), method: 'POST', path: '/v1/chat/completions', status: 200, stream: false, totalMs: 1 });
    }
    const recorded = exporter.spans().length;
    expect(recorded).toBeGreaterThan(800);
    expect(recorded).toBeLessThan(1200);
    await tracing.shutdown();
  });
});

describe('gateway tracing sampling', () => {
  it('records no span for an unsampled request but still tells the upstream, flagged not sampled', async () => {
    const exporter = createMemorySpanExporter();
    const tracing = createGatewayTracing({ exporter, sampleRatio: 0 });
    const trace = tracing.begin({}, Date.now());
    const call = trace.upstreamCall({ provider: 'openai', method: 'POST', url: 'http://127.0.0.1:1/v1/chat/completions' });
    call.end({ status: 200 });
    trace.end({ traceId: 't', startedAt: Date.now(), method: 'POST', path: '/v1/chat/completions', status: 200, stream: false, totalMs: 1 });
    expect(call.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    // A caller that sampled its trace is followed even at ratio 0.
    const followed = tracing.begin({ traceparent: `00-${parentTraceId}-${parentSpanId}-01` }, Date.now());
    followed.end({ traceId: 'u', startedAt: Date.now(), method: 'POST', path: '/v1/chat/completions', status: 200, stream: false, totalMs: 1 });
    await tracing.forceFlush();
    expect(exporter.spans().map((span) => span.traceId)).toEqual([parentTraceId]);
    await tracing.shutdown();
  });

  it('follows a caller that did not sample, even when every new trace is recorded', async () => {
    const exporter = createMemorySpanExporter();
    const tracing = createGatewayTracing({ exporter });
    const trace = tracing.begin({ traceparent: `00-${parentTraceId}-${parentSpanId}-00` }, Date.now());
    const call = trace.upstreamCall({ provider: 'openai', method: 'POST', url: 'http://127.0.0.1:1/v1/chat/completions' });
    trace.end({ traceId: 't', startedAt: Date.now(), method: 'POST', path: '/v1/chat/completions', status: 200, stream: false, totalMs: 1 });
    expect(call.headers.traceparent).toMatch(new RegExp(`^00-${parentTraceId}-[0-9a-f]{16}-00$`));
    expect(exporter.spans()).toEqual([]);
    await tracing.shutdown();
  });

  it('records about the configured share of new traces', async () => {
    const exporter = createMemorySpanExporter();
    const tracing = createGatewayTracing({ exporter, sampleRatio: 0.25 });
    for (let index = 0; index < 4000; index += 1) tracing.begin({}, Date.now()).end({ traceId: 't', startedAt: Date.now(), method: 'POST', path: '/v1/chat/completions', status: 200, stream: false, totalMs: 1 });
    const recorded = exporter.spans().length;
    expect(recorded).toBeGreaterThan(800);
    expect(recorded).toBeLessThan(1200);
    await tracing.shutdown();
  });
});
