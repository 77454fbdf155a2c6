import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import type { LogPage, LogRecord } from '@switchyard/observability';
import { type AnthropicMock, type OpenAIMock, startAnthropicMock, startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchemas, freshSchema, postgresUrl, probePostgres } from '../../../packages/observability/test/postgres-test-support.js';
import { type TestGateway, startTestGateway } from './start-test-gateway.js';

// The request log through a real gateway: the openai and Anthropic SDKs in front, testkit mocks
// behind, records read back through GET /admin/logs, in SQLite and in a real PostgreSQL.
const unreachable = await probePostgres();
if (unreachable) console.warn(`Skipping the PostgreSQL request-log e2e tests: ${unreachable}`);
const folder = mkdtempSync(join(tmpdir(), 'switchyard-obs-e2e-'));
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  if (!unreachable) await dropSchemas();
});

const adminKey = 'admin-key-0123456789abcdef';
const openaiKey = 'sk-upstream-openai-key-0123456789';
const stores: Array<[string, () => Record<string, unknown>]> = [['sqlite', () => ({ store: 'sqlite', path: join(folder, `logs-${Date.now()}.db`) })]];
if (!unreachable) stores.push(['postgres', () => ({ store: 'postgres', url: postgresUrl, schema: freshSchema() })]);

describe.each(stores)('request log in %s', (_name, logsConfig) => {
  let openaiUpstream: OpenAIMock;
  let brokenUpstream: OpenAIMock;
  let anthropicUpstream: AnthropicMock;
  let gateway: TestGateway;

  beforeAll(async () => {
    openaiUpstream = await startOpenAIMock();
    brokenUpstream = await startOpenAIMock();
    anthropicUpstream = await startAnthropicMock();
    gateway = await startTestGateway({
      adminKeys: [adminKey],
      defaultProvider: 'openai',
      logs: { ...logsConfig(), bodies: true, redact: ['ticket-\\d{6}'] },
      providers: {
        openai: { adapter: 'openai', apiKey: openaiKey, baseURL: `${openaiUpstream.url}/v1` },
        broken: { adapter: 'openai', apiKey: 'sk-broken-0123456789abcdefgh', baseURL: `${brokenUpstream.url}/v1` },
        claude: { adapter: 'anthropic', apiKey: 'sk-ant-upstream', baseURL: `${anthropicUpstream.url}/v1`, models: { 'claude-haiku-4-5': { prices: { input: 2, output: 10 } } } },
      },
      configs: { 'broken-then-openai': { strategy: { mode: 'fallback' }, targets: [{ provider: '@broken' }, { provider: '@openai' }] } },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await openaiUpstream?.close();
    await brokenUpstream?.close();
    await anthropicUpstream?.close();
  });

  const openai = (headers: Record<string, string> = {}) => new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: headers });
  async function logs(query: string): Promise<LogPage> {
    const response = await fetch(`${gateway.url}/admin/logs?${query}`, { headers: { 'x-switchyard-admin-key': adminKey } });
    expect(response.status).toBe(200);
    return (await response.json()) as LogPage;
  }
  const requestRecord = async (traceId: string) => (await logs(`trace_id=${traceId}&kind=request`)).records[0]!;

  it('logs a chat request with tokens, cost from the shipped price, overhead and the redacted bodies', async () => {
    const { data, response } = await openai({ 'x-switchyard-trace-id': 'obs-chat', 'x-switchyard-metadata': '{"team":"search"}' })
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `my key ${openaiKey} and ticket-123456` }] })
      .withResponse();
    const overheadHeader = Number(response.headers.get('x-switchyard-overhead-ms'));
    expect(overheadHeader).toBeGreaterThanOrEqual(0);
    const record = await requestRecord('obs-chat');
    expect(record).toMatchObject({ kind: 'request', method: 'POST', path: '/v1/chat/completions', format: 'openai-chat', provider: 'openai', modelRequested: 'gpt-4o-mini', status: 200, stream: false, metadata: { team: 'search' } });
    expect(record.tokens).toMatchObject({ input: data.usage!.prompt_tokens, output: data.usage!.completion_tokens });
    // gpt-4o-mini ships at $0.15 in / $0.60 out per million tokens.
    expect(record.costUsd).toBeCloseTo((data.usage!.prompt_tokens * 0.15 + data.usage!.completion_tokens * 0.6) / 1e6, 12);
    expect(record.priceVersion).toBe('openai/gpt-4o-mini@2024-07-18');
    expect(record.totalMs).toBeGreaterThanOrEqual(record.overheadMs!);
    expect(record.upstreamMs).toBeGreaterThan(0);
    // What the upstream saw is the original text; the log holds it without the key or the pattern.
    expect(openaiUpstream.received.at(-1)!.body).toContain(openaiKey);
    expect(record.requestBody).toContain('[REDACTED]');
    expect(record.requestBody).not.toContain(openaiKey);
    expect(record.requestBody).not.toContain('ticket-123456');
    // The mock echoes the prompt: the answer is redacted the same way.
    expect(data.choices[0]!.message.content).toContain(openaiKey);
    expect(record.responseBody).toContain('echo: my key [REDACTED] and [REDACTED]');
  });

  it('logs a streamed Responses request translated to Anthropic, priced by the config override', async () => {
    const stream = await openai({ 'x-switchyard-trace-id': 'obs-responses' }).responses.create({ model: '@claude/claude-haiku-4-5', input: 'hello there', stream: true });
    let usage: { input_tokens: number; output_tokens: number } | undefined;
    for await (const event of stream) if (event.type === 'response.completed') usage = event.response.usage!;
    const record = await requestRecord('obs-responses');
    expect(record).toMatchObject({ path: '/v1/responses', format: 'openai-responses', provider: 'claude', stream: true, status: 200 });
    expect(record.tokens).toMatchObject({ input: usage!.input_tokens, output: usage!.output_tokens });
    expect(record.costUsd).toBeCloseTo((usage!.input_tokens * 2 + usage!.output_tokens * 10) / 1e6, 12);
    expect(record.priceVersion).toMatch(/^claude\/claude-haiku-4-5@\d{4}-\d{2}-\d{2}\+config$/);
    expect(record.firstByteMs).toBeGreaterThan(0);
    expect(record.responseBody).toContain('response.completed');
  });

  it('logs an Anthropic Messages request', async () => {
    const anthropic = new Anthropic({ baseURL: gateway.url, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'x-switchyard-trace-id': 'obs-messages', 'x-switchyard-provider': 'claude' } });
    const message = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 50, messages: [{ role: 'user', content: 'count these words please' }] });
    const record = await requestRecord('obs-messages');
    expect(record).toMatchObject({ path: '/v1/messages', format: 'anthropic-messages', provider: 'claude', status: 200 });
    expect(record.tokens).toMatchObject({ input: message.usage.input_tokens, output: message.usage.output_tokens });
    expect(record.costUsd).toBeCloseTo((message.usage.input_tokens * 2 + message.usage.output_tokens * 10) / 1e6, 12);
  });

  it('writes one record per attempt of a fallback chain, with the cost on the one that answered', async () => {
    brokenUpstream.failNext({ status: 500, body: { error: { message: 'boom', type: 'server_error' } } });
    const { data } = await openai({ 'x-switchyard-trace-id': 'obs-fallback', 'x-switchyard-config': 'broken-then-openai' })
      .chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    const { records } = await logs('trace_id=obs-fallback&order=asc');
    const head = records.find((record) => record.kind === 'request')!;
    const attempts = records.filter((record) => record.kind === 'attempt').sort((a, b) => a.attemptIndex! - b.attemptIndex!);
    expect(head).toMatchObject({ provider: 'openai', status: 200, attempts: 2 });
    expect(attempts.map((attempt) => [attempt.attemptIndex, attempt.provider, attempt.status, attempt.errorKind ?? null])).toEqual([
      [0, 'broken', 500, expect.any(String)],
      [1, 'openai', 200, null],
    ]);
    const expected = (data.usage!.prompt_tokens * 0.15 + data.usage!.completion_tokens * 0.6) / 1e6;
    expect(attempts[1]!.costUsd).toBeCloseTo(expected, 12);
    expect(attempts[0]!.costUsd).toBeUndefined();
    expect(head.costUsd).toBeCloseTo(expected, 12);
  });

  it('logs a failed request with its error kind, findable with errors=true', async () => {
    brokenUpstream.failNext({ status: 400, body: { error: { message: 'bad thing', type: 'invalid_request_error' } } });
    await expect(openai({ 'x-switchyard-trace-id': 'obs-error' }).chat.completions.create({ model: '@broken/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 400 });
    const errors = await logs('errors=true&kind=request');
    const record = errors.records.find((entry: LogRecord) => entry.traceId === 'obs-error')!;
    expect(record).toMatchObject({ status: 400, provider: 'broken', errorKind: 'invalid_request' });
    expect(record.costUsd).toBeUndefined();
  });

  it('pages with a cursor, answers a bad filter with a 400 naming it, and keeps the log behind the admin key', async () => {
    const first = await logs('kind=request&limit=2');
    expect(first.records).toHaveLength(2);
    const second = await logs(`kind=request&limit=2&cursor=${first.nextCursor}`);
    expect(second.records.map((record) => record.id)).not.toContain(first.records[0]!.id);
    expect(second.records[0]!.time).toBeLessThanOrEqual(first.records[1]!.time);

    const bad = await fetch(`${gateway.url}/admin/logs?status=teapot`, { headers: { 'x-switchyard-admin-key': adminKey } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('status: expected a whole number');
    expect((await fetch(`${gateway.url}/admin/logs`)).status).toBe(401);
    expect((await fetch(`${gateway.url}/admin/logs`, { headers: { 'x-switchyard-admin-key': 'wrong-key-0123456789abc' } })).status).toBe(401);
  });
});
