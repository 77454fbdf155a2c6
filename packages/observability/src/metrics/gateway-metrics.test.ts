import { describe, expect, it } from 'vitest';
import { type MetricsSample, createGatewayMetrics } from './gateway-metrics.js';
import { parsePrometheusText } from './parse-prometheus-text.js';

const sample = (provider: string, model: string): MetricsSample => ({
  route: '/v1/chat/completions',
  operation: 'chat',
  provider,
  genAiProvider: provider,
  model,
  status: 200,
  stream: false,
  totalSeconds: 0.2,
  attempts: [{ provider, retry: 0 }],
  fallbacks: 0,
});

/** The key the metrics make of a sample's labels when the caller gives none. */
const labelKey = (value: MetricsSample) => [value.route, value.operation, value.status, value.provider, value.genAiProvider, value.model, ''].join('\u0000');

describe('createGatewayMetrics', () => {
  it("never counts a request in another's series because the caller's shape key spells another sample's label key", () => {
    const metrics = createGatewayMetrics();
    const openai = sample('openai', 'gpt-4o-mini');
    const anthropic = sample('anthropic', 'claude-sonnet-4-5');
    metrics.requestStarted();
    metrics.requestFinished(openai);
    metrics.requestStarted();
    metrics.requestFinished(anthropic, labelKey(openai));
    const requests = parsePrometheusText(metrics.render()).samples.filter((line) => line.name === 'switchyard_requests_total');
    expect(requests.map((line) => [line.labels.provider, line.value]).sort()).toEqual([
      ['anthropic', 1],
      ['openai', 1],
    ]);
  });
});
