import { describe, expect, it } from 'vitest';
import { createObservability } from './create-observability.js';
import { createBatchedLogWriter } from './logs/batched-log-writer.js';
import { createMemoryLogStore } from './logs/memory-log-store.js';
import { createBodyRedactor } from './logs/redact-body.js';
import { createGatewayMetrics } from './metrics/gateway-metrics.js';
import { parsePrometheusText } from './metrics/parse-prometheus-text.js';
import type { ObservedRequest } from './observed-request.js';
import { createPriceCatalog } from './prices/price-catalog.js';

function setup(bodies = false) {
  const store = createMemoryLogStore();
  const writer = createBatchedLogWriter({ store, flushIntervalMs: 60_000 });
  const metrics = createGatewayMetrics();
  const observability = createObservability({ logs: { writer, bodies }, metrics, prices: createPriceCatalog(), redact: createBodyRedactor({ secrets: ['provider-secret-123'] }) });
  return { store, writer, metrics, observability };
}

const fallback: ObservedRequest = {
  traceId: 'trace-1',
  startedAt: 1_750_000_000_000,
  method: 'POST',
  path: '/v1/chat/completions',
  format: 'openai-chat',
  provider: 'backup',
  providerId: 'anthropic',
  modelRequested: 'claude-haiku-4-5',
  modelAnswered: 'claude-haiku-4-5-20251001',
  status: 200,
  stream: true,
  firstByteMs: 40,
  totalMs: 120,
  upstreamMs: 118,
  overheadMs: 2,
  usage: { input: 1_000, output: 500, cachedInput: 200, total: 1_500 },
  attempts: [
    { path: 'targets[0]', provider: 'openai', status: 500, kind: 'upstream_error', message: 'boom', durationMs: 30, retry: 0 },
    { path: 'targets[0]', provider: 'openai', status: 500, kind: 'upstream_error', message: 'boom', durationMs: 20, retry: 1 },
    { path: 'targets[1]', provider: 'backup', durationMs: 70, retry: 0 },
  ],
  requestBody: '{"key":"provider-secret-123"}',
  responseBody: 'data: {"ok":true}\n\n',
};

describe('createObservability', () => {
  it('logs the request and each attempt, costing the attempt that answered from the adapter price', async () => {
    const { store, writer, observability } = setup();
    const observation = observability.begin({}, fallback.startedAt);
    observability.complete(structuredClone(fallback), observation);
    await writer.flush();
    const { records } = await store.query({ order: 'asc' });
    const head = records.find((record) => record.kind === 'request')!;
    // claude-haiku-4-5: $1 in, $0.10 cached, $5 out per million.
    const expected = (800 * 1 + 200 * 0.1 + 500 * 5) / 1e6;
    expect(head).toMatchObject({ traceId: 'trace-1', provider: 'backup', status: 200, attempts: 3, retries: 1, overheadMs: 2, tokens: { input: 1_000, output: 500, cachedInput: 200 } });
    expect(head.costUsd).toBeCloseTo(expected, 12);
    expect(head.priceVersion).toBe('anthropic/claude-haiku-4-5@2025-10-15');
    expect(head.requestBody).toBeUndefined();
    const attempts = records.filter((record) => record.kind === 'attempt');
    expect(attempts.map((attempt) => [attempt.attemptIndex, attempt.provider, attempt.status, attempt.errorKind, attempt.retries])).toEqual([
      [0, 'openai', 500, 'upstream_error', 0],
      [1, 'openai', 500, 'upstream_error', 1],
      [2, 'backup', 200, undefined, 0],
    ]);
    expect(attempts[2]!.costUsd).toBeCloseTo(expected, 12);
    expect(attempts[0]!.costUsd).toBeUndefined();
    expect(attempts.map((attempt) => attempt.time - fallback.startedAt)).toEqual([0, 30, 50]);
  });

  it('keeps bodies only when enabled, redacted', async () => {
    const { store, writer, observability } = setup(true);
    observability.complete(structuredClone(fallback), observability.begin({}, fallback.startedAt));
    await writer.flush();
    const head = (await store.query({ kind: 'request' })).records[0]!;
    expect(head.requestBody).toBe('{"key":"[REDACTED]"}');
    expect(head.responseBody).toBe('data: {"ok":true}\n\n');
  });

  it('counts requests, attempts, retries, fallbacks, tokens, cost and overhead in metrics', () => {
    const { metrics, observability } = setup();
    observability.complete(structuredClone(fallback), observability.begin({}, fallback.startedAt));
    const { samples } = parsePrometheusText(metrics.render());
    const value = (name: string, labels: Record<string, string> = {}) =>
      samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, label]) => sample.labels[key] === label)).reduce((sum, sample) => sum + sample.value, 0);
    expect(value('switchyard_requests_total', { route: '/v1/chat/completions', status: '200', provider: 'backup' })).toBe(1);
    expect(value('switchyard_attempts_total', { provider: 'openai', outcome: 'upstream_error' })).toBe(2);
    expect(value('switchyard_attempts_total', { provider: 'backup', outcome: 'success' })).toBe(1);
    expect(value('switchyard_retries_total', { provider: 'openai' })).toBe(1);
    // Two more requests of the same shape: each attempt still counts under its own provider and outcome.
    observability.complete(structuredClone(fallback), observability.begin({}, fallback.startedAt));
    observability.complete(structuredClone(fallback), observability.begin({}, fallback.startedAt));
    const again = parsePrometheusText(metrics.render()).samples;
    const attemptsOf = (provider: string, outcome: string) => again.find((sample) => sample.name === 'switchyard_attempts_total' && sample.labels.provider === provider && sample.labels.outcome === outcome)?.value;
    expect([attemptsOf('openai', 'upstream_error'), attemptsOf('backup', 'success')]).toEqual([6, 3]);
    expect(value('switchyard_fallbacks_total')).toBe(1);
    expect(value('switchyard_requests_in_flight')).toBe(0);
    expect(value('gen_ai_client_token_usage_sum', { gen_ai_token_type: 'input' })).toBe(1_000);
    expect(value('switchyard_cost_usd_total')).toBeGreaterThan(0);
    expect(value('switchyard_overhead_seconds_count')).toBe(1);
    expect(value('gen_ai_server_time_to_first_token_seconds_count')).toBe(1);
  });

  it('counts every kind of token under its own kind label, and leaves out kinds a request did not use', () => {
    const { metrics, observability } = setup();
    const usage = { input: 1_000, output: 500, cachedInput: 200, cacheWrite: 300, reasoning: 40, total: 1_500 };
    observability.complete({ ...structuredClone(fallback), usage }, observability.begin({}, fallback.startedAt));
    observability.complete({ ...structuredClone(fallback), usage: { input: 7, output: 3, total: 10 } }, observability.begin({}, fallback.startedAt));
    const byKind = Object.fromEntries(
      parsePrometheusText(metrics.render()).samples.filter((sample) => sample.name === 'switchyard_tokens_total').map((sample) => [sample.labels.kind, sample.value]),
    );
    expect(byKind).toEqual({ input: 1_007, output: 503, cached_input: 200, cache_write: 300, reasoning: 40 });
  });

  it('leaves cost out when the model has no price or the answer came from the cache', async () => {
    const { store, writer, observability } = setup();
    observability.complete({ ...structuredClone(fallback), traceId: 'unknown', modelAnswered: 'house-model', modelRequested: 'house-model' }, {});
    observability.complete({ ...structuredClone(fallback), traceId: 'cached', cacheStatus: 'HIT' }, {});
    await writer.flush();
    // Same start time: ordered by trace id here, the log's own order being by time then record id.
    const heads = (await store.query({ kind: 'request' })).records.sort((a, b) => a.traceId.localeCompare(b.traceId));
    expect(heads.map((record) => [record.traceId, record.costUsd])).toEqual([
      ['cached', undefined],
      ['unknown', undefined],
    ]);
    expect(heads[0]!.cacheStatus).toBe('HIT');
  });
});

describe('log record ids', () => {
  it('start with the request time in base 36 and sort as the records do, across digit carries', async () => {
    const { toLogRecords } = await import('./create-observability.js');
    // Milliseconds around carries of the low five base-36 digits, and today's scale.
    const times = [36 ** 5 - 1, 36 ** 5, 36 ** 6 - 1, 36 ** 6, 1_750_000_000_000 - 1, 1_750_000_000_000, 36 ** 8 * 7 - 1, 36 ** 8 * 7];
    const ids = times.map((startedAt) => toLogRecords({ ...fallback, startedAt, attempts: [] }, undefined)[0]!.id);
    ids.forEach((id, index) => expect(id.slice(0, 10)).toBe(`${times[index]!.toString(36).padStart(9, '0')}-`));
    expect([...ids].sort()).toEqual(ids);
  });
});
