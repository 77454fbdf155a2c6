import { type OpenAIMock, startOpenAIMock } from '@switchyard/testkit';
import { parsePrometheusText } from '@switchyard/observability';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestGateway, startTestGateway } from './start-test-gateway.js';

// Guardrail verdicts reach the request log (GET /admin/logs) and the metrics (per check and per action).
describe('guardrail verdicts in logs and metrics', () => {
  const adminKey = 'admin-key-guardrails-0123456789';
  let upstream: OpenAIMock;
  let gateway: TestGateway;

  beforeAll(async () => {
    upstream = await startOpenAIMock({ apiKey: 'sk-upstream' });
    gateway = await startTestGateway({
      adminKeys: [adminKey],
      providers: { gpt: { adapter: 'openai', apiKey: 'sk-upstream', baseURL: upstream.baseURL } },
      guardrails: { 'pii-strict': { deny: true, checks: [{ id: 'switchyard.pii' }] } },
      configs: { 'block-input': { input_guardrails: ['pii-strict'] } },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await upstream?.close();
  });

  it('records the blocking set and check on the log record and counts them in /metrics', async () => {
    const client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'x-switchyard-config': 'block-input', 'x-switchyard-trace-id': 'guarded-1' } });
    const error = await client.chat.completions.create({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'user', content: 'mail me at jane@example.com' }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(upstream.received).toHaveLength(0);

    let record: { guardrails?: Array<{ phase: string; set: string; action: string; checks: Array<{ check: string; verdict: string }> }> } | undefined;
    await expect
      .poll(async () => {
        const response = await fetch(`${gateway.url}/admin/logs?trace_id=guarded-1&kind=request`, { headers: { 'x-switchyard-admin-key': adminKey } });
        record = ((await response.json()) as { records: Array<typeof record> }).records[0];
        return record?.guardrails?.length ?? 0;
      }, { timeout: 5_000 })
      .toBe(1);
    expect(record!.guardrails![0]).toMatchObject({ phase: 'input', set: 'pii-strict', action: 'blocked', checks: [{ check: 'switchyard.pii', verdict: 'fail' }] });

    const metrics = parsePrometheusText(await (await fetch(`${gateway.url}/metrics`)).text()).samples;
    const value = (name: string, labels: Record<string, string>) =>
      metrics.find((sample) => sample.name === name && Object.entries(labels).every(([key, wanted]) => sample.labels[key] === wanted))?.value;
    expect(value('switchyard_guardrail_checks_total', { phase: 'input', check: 'switchyard.pii', verdict: 'fail' })).toBe(1);
    expect(value('switchyard_guardrail_actions_total', { phase: 'input', action: 'blocked' })).toBe(1);
  });
});
