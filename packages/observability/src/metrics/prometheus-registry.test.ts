import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from './parse-prometheus-text.js';
import { createPrometheusRegistry } from './prometheus-registry.js';

describe('prometheus registry', () => {
  it('renders counters, gauges and cumulative histograms that parse back', () => {
    const registry = createPrometheusRegistry();
    const requests = registry.counter({ name: 'requests_total', help: 'Requests.', labelNames: ['route'] });
    const inFlight = registry.gauge({ name: 'in_flight', help: 'Now.', labelNames: [] });
    const latency = registry.histogram({ name: 'latency_seconds', help: 'Latency.', labelNames: ['route'], buckets: [0.1, 1, 10] });
    requests.inc({ route: '/a' });
    requests.inc({ route: '/a' }, 2);
    requests.inc({ route: 'with "quotes"\n' });
    inFlight.inc();
    inFlight.inc();
    inFlight.dec();
    for (const value of [0.05, 0.5, 0.5, 5, 50]) latency.observe({ route: '/a' }, value);

    const { samples, types } = parsePrometheusText(registry.render());
    expect(types).toEqual({ requests_total: 'counter', in_flight: 'gauge', latency_seconds: 'histogram' });
    const value = (name: string, labels: Record<string, string>) => samples.find((sample) => sample.name === name && Object.entries(labels).every(([key, label]) => sample.labels[key] === label))?.value;
    expect(value('requests_total', { route: '/a' })).toBe(3);
    expect(value('requests_total', { route: 'with "quotes"\n' })).toBe(1);
    expect(value('in_flight', {})).toBe(1);
    expect(value('latency_seconds_bucket', { route: '/a', le: '0.1' })).toBe(1);
    expect(value('latency_seconds_bucket', { route: '/a', le: '1' })).toBe(3);
    expect(value('latency_seconds_bucket', { route: '/a', le: '10' })).toBe(4);
    expect(value('latency_seconds_bucket', { route: '/a', le: '+Inf' })).toBe(5);
    expect(value('latency_seconds_count', { route: '/a' })).toBe(5);
    expect(value('latency_seconds_sum', { route: '/a' })).toBeCloseTo(56.05, 9);
  });

  it('bounds the label sets of a metric, counting the rest under overflow', () => {
    const registry = createPrometheusRegistry();
    const byModel = registry.counter({ name: 'tokens_total', help: 'Tokens.', labelNames: ['model'], maxSeries: 3 });
    for (let index = 0; index < 10; index += 1) byModel.inc({ model: `model-${index}` });
    const { samples } = parsePrometheusText(registry.render());
    expect(samples).toHaveLength(4);
    expect(samples.find((sample) => sample.labels.model === 'overflow')?.value).toBe(7);
  });

  it('reads gauges from a collector at scrape time', () => {
    const registry = createPrometheusRegistry();
    let queued = 5;
    registry.gauge({ name: 'queue_length', help: 'Queued.', labelNames: [], collect: () => [{ labels: {}, value: queued }] });
    expect(parsePrometheusText(registry.render()).samples[0]?.value).toBe(5);
    queued = 2;
    expect(parsePrometheusText(registry.render()).samples[0]?.value).toBe(2);
  });
});
