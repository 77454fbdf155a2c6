import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type OpenAIMock, startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/load-config.js';
import { startGateway } from '../src/create-gateway.js';
import { type TestGateway, startTestGateway } from './start-test-gateway.js';

// Guardrails through the real gateway: the openai SDK in front, the testkit OpenAI mock behind
// (it answers "echo: <last user text>" and records what it received).
const pluginDir = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures-own/guardrail-plugin');

let upstream: OpenAIMock;
let gateway: TestGateway;

beforeAll(async () => {
  upstream = await startOpenAIMock({ apiKey: 'sk-upstream' });
  gateway = await startTestGateway({
    plugins: [pluginDir],
    providers: { gpt: { adapter: 'openai', apiKey: 'sk-upstream', baseURL: upstream.baseURL } },
    guardrails: {
      'pii-strict': { deny: true, checks: [{ id: 'switchyard.pii' }] },
      'pii-redact': { checks: [{ id: 'switchyard.pii', parameters: { redact: true } }] },
    },
    configs: {
      'block-input': { input_guardrails: ['pii-strict'] },
      'redact-input': { input_guardrails: ['pii-redact'] },
      'redact-output': { output_guardrails: [{ id: 'answer-pii', 'default.pii': { redact: true, categories: ['email', 'creditCard'] } }] },
      'short-answers': { output_guardrails: [{ id: 'brevity', deny: true, 'default.wordCount': { maxWords: 4 } }] },
      'needs-team': {
        before_request_hooks: [{ type: 'guardrail', id: 'team-tag', deny: true, on_fail: { feedback: { value: -1 } }, checks: [{ id: 'default.requiredMetadataKeys', parameters: { metadataKeys: ['team'] } }] }],
        after_request_hooks: [{ type: 'guardrail', id: 'tone', checks: [{ id: 'default.endsWith', parameters: { suffix: '!' } }] }],
      },
      'no-shouting': { output_guardrails: [{ id: 'calm', deny: true, 'acme.noShouting': { maxRatio: 0.5 } }] },
      'cached-redact': { cache: { mode: 'simple', max_age: 60 }, input_guardrails: ['pii-redact'], output_guardrails: [{ id: 'brevity', 'default.wordCount': { maxWords: 3 } }] },
    },
  });
});
afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
});
beforeEach(() => {
  upstream.reset();
  gateway.records.length = 0;
});

const client = (config: string, headers: Record<string, string> = {}) =>
  new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'x-switchyard-config': config, ...headers } });
const ask = (config: string, content: string, headers: Record<string, string> = {}) =>
  client(config, headers).chat.completions.create({ model: '@gpt/gpt-4o-mini', messages: [{ role: 'user', content }] }).withResponse();
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as InstanceType<typeof OpenAI.APIError>);

describe('input guardrails', () => {
  it('a block answers 400 in the OpenAI format naming the set and check, and costs no upstream call', async () => {
    const error = await failure(ask('block-input', 'my card is 4111 1111 1111 1111'));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error!.status).toBe(400);
    expect(error!.code).toBe('guardrail_blocked');
    expect(error!.message).toContain('guardrail "pii-strict"');
    expect(error!.message).toContain('switchyard.pii');
    expect(upstream.received).toHaveLength(0);
    expect(gateway.records[0]!.guardrails).toEqual([
      expect.objectContaining({ phase: 'input', set: 'pii-strict', verdict: 'fail', action: 'blocked', checks: [expect.objectContaining({ check: 'switchyard.pii', verdict: 'fail', data: { found: { creditCard: 1 } } })] }),
    ]);
  });

  it('redaction changes what the provider receives, and the header says so', async () => {
    const { data, response } = await ask('redact-input', 'mail ada@example.com or call +44 20 7946 0958');
    expect(upstream.received[0]!.json.messages[0].content).toBe('mail [EMAIL] or call [PHONE]');
    expect(data.choices[0]!.message.content).toBe('echo: mail [EMAIL] or call [PHONE]');
    expect(response.headers.get('x-switchyard-guardrails')).toBe('input:pii=redacted');
    expect(gateway.records[0]!.guardrails![0]).toMatchObject({ set: 'pii-redact', action: 'redacted' });
  });

  it('Portkey hooks: required metadata blocks without it, passes with it, feedback recorded', async () => {
    const blocked = await failure(ask('needs-team', 'hello there!'));
    expect(blocked!.status).toBe(400);
    expect(blocked!.message).toContain('missing metadata keys: team');
    expect(gateway.records[0]!.guardrails![0]).toMatchObject({ set: 'team-tag', action: 'blocked', feedback: { value: -1 } });
    const { data, response } = await ask('needs-team', 'hello there', { 'x-switchyard-metadata': JSON.stringify({ team: 'search' }) });
    expect(data.choices[0]!.message.content).toBe('echo: hello there');
    // The output hook has no deny: its failure is reported, not enforced.
    expect(response.headers.get('x-switchyard-guardrails')).toBe('input:requiredMetadataKeys=pass;output:endsWith=fail');
  });

  it('a bad inline guardrail in the request config is a 400 naming the field', async () => {
    const error = await failure(ask(JSON.stringify({ input_guardrails: [{ 'default.wordCount': { maxWords: 'ten' } }] }), 'hi'));
    expect(error!.status).toBe(400);
    expect(error!.message).toContain('config.input_guardrails[0]');
    expect(upstream.received).toHaveLength(0);
  });
});

describe('output guardrails on a normal answer', () => {
  it('redaction is visible in the text the client gets; the provider saw the original', async () => {
    const { data, response } = await ask('redact-output', 'repeat ada@example.com please');
    expect(upstream.received[0]!.json.messages[0].content).toBe('repeat ada@example.com please');
    expect(data.choices[0]!.message.content).toBe('echo: repeat [EMAIL] please');
    expect(response.headers.get('x-switchyard-guardrails')).toBe('output:pii=redacted');
  });

  it('a block answers 422 naming the check, after the upstream answered; the usage is logged', async () => {
    const error = await failure(ask('short-answers', 'one two three four five six'));
    expect(error).toBeInstanceOf(OpenAI.UnprocessableEntityError);
    expect(error!.code).toBe('guardrail_blocked');
    expect(error!.message).toContain('default.wordCount');
    expect(upstream.received).toHaveLength(1);
    expect(gateway.records[0]!.usage?.output).toBeGreaterThan(0);
    const { data } = await ask('short-answers', 'one two');
    expect(data.choices[0]!.message.content).toBe('echo: one two');
  });
});

describe('guardrails with the cache', () => {
  it('run outermost: the cache keys on the redacted request, and output checks also run on a hit', async () => {
    const first = await ask('cached-redact', 'note ada@example.com down');
    const second = await ask('cached-redact', 'note bob@example.org down');
    expect(upstream.received).toHaveLength(1);
    expect(upstream.received[0]!.json.messages[0].content).toBe('note [EMAIL] down');
    expect(second.response.headers.get('x-switchyard-cache-status')).toBe('HIT');
    expect(second.data.choices[0]!.message.content).toBe('echo: note [EMAIL] down');
    for (const { response } of [first, second]) expect(response.headers.get('x-switchyard-guardrails')).toBe('input:pii=redacted;output:wordCount=fail');
    expect(gateway.records[1]!.guardrails!.map((verdict) => [verdict.phase, verdict.action])).toEqual([['input', 'redacted'], ['output', 'allowed']]);
  });
});

describe('the verdict header on a buffered stream', () => {
  it('carries the output verdicts, the SSE text is redacted', async () => {
    const response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-switchyard-config': 'redact-output' },
      body: JSON.stringify({ model: '@gpt/gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'repeat ada@example.com please' }] }),
    });
    const body = await response.text();
    expect(response.headers.get('x-switchyard-guardrails')).toBe('output:pii=redacted');
    expect(body).toContain('[EMAIL]');
    expect(body).not.toContain('ada@example.com');
    expect(body.trim().endsWith('data: [DONE]')).toBe(true);
  });
});

describe('a third-party check from a plugin package', () => {
  it('is loaded from `plugins` and runs like a built-in one', async () => {
    const error = await failure(ask('no-shouting', 'PLEASE ANSWER IN CAPITALS'));
    expect(error!.status).toBe(422);
    expect(error!.message).toContain('acme.noShouting');
    expect(gateway.records[0]!.guardrails![0]!.checks[0]).toMatchObject({ check: 'acme.noShouting', verdict: 'fail', data: { ratio: expect.any(Number) } });
    const { data } = await ask('no-shouting', 'a calm question');
    expect(data.choices[0]!.message.content).toBe('echo: a calm question');
  });
});

describe('gateway config', () => {
  it('refuses to start with a named set that has an unknown check', async () => {
    const config = parseConfig({ responses: { store: 'memory' }, files: { store: 'memory' }, guardrails: { broken: { checks: [{ id: 'default.nonsense' }] } } }, {});
    await expect(startGateway({ config, env: {}, host: '127.0.0.1', port: 0 })).rejects.toThrow(/guardrails\.broken\.checks\[0\].*unknown check "default\.nonsense"/);
  });

  it('refuses a plugin whose guardrailChecks were not made with defineGuardrailCheck, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-guardrail-plugin-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', main: './index.js' }));
      writeFileSync(join(dir, 'index.js'), "export const guardrailChecks = [{ id: 'acme.fake', run() {} }];");
      const config = parseConfig({ responses: { store: 'memory' }, files: { store: 'memory' }, plugins: [dir] }, {});
      await expect(startGateway({ config, env: {}, host: '127.0.0.1', port: 0 })).rejects.toThrow(/invalid definition: guardrailChecks\[0\] was not made with defineGuardrailCheck/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
