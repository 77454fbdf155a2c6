import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { maskSecrets } from './mask-secrets.js';
import { logRequest } from './request-log.js';

describe('request log', () => {
  it('writes one JSON line per request with provider, model, timings and tokens, and masks keys in errors', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const logger = pino({ base: undefined }, sink);
    logRequest(logger, {
      traceId: 't-1',
      method: 'POST',
      path: '/v1/chat/completions',
      format: 'openai-chat',
      provider: 'openai',
      modelRequested: '@openai/gpt-4o',
      status: 401,
      stream: false,
      passthrough: true,
      totalMs: 12.3456,
      errorKind: 'authentication',
      errorMessage: 'Incorrect API key provided: sk-proj-abcdefghijklmnop1234. You can find your API key at ...',
      usage: { input: 5, output: 7, total: 12 },
      warnings: [],
    });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ trace_id: 't-1', provider: 'openai', model: '@openai/gpt-4o', status: 401, total_ms: 12.35, tokens_in: 5, tokens_out: 7, level: 40 });
    expect(lines[0]).not.toContain('abcdefghijklmnop');
    expect(line.error).toContain('sk-proj-abcd…');
  });

  it('carries the guardrail verdicts', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const guardrails = [{ phase: 'input' as const, set: 'pii-strict', verdict: 'fail' as const, action: 'blocked' as const, checks: [{ check: 'switchyard.pii', verdict: 'fail' as const, explanation: 'found 1 email', durationMs: 0.2 }] }];
    logRequest(pino({ base: undefined }, sink), { traceId: 't-2', method: 'POST', path: '/v1/chat/completions', status: 400, stream: false, passthrough: false, totalMs: 1, warnings: [], guardrails });
    expect(JSON.parse(lines[0]!).guardrails).toEqual(guardrails);
  });

  it('logs by status (info, warn, error) and at a level that drops a line reads nothing of the record', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const logger = pino({ base: undefined, level: 'warn' }, sink);
    let reads = 0;
    // Every field read is counted: a line built and then dropped by pino would read them all.
    const counted = (status: number) =>
      new Proxy({ traceId: `t-${status}`, method: 'POST', path: '/v1/chat/completions', status, stream: false, passthrough: false, totalMs: 1, warnings: [] }, {
        get(target, key, receiver) {
          if (key !== 'status') reads += 1;
          return Reflect.get(target, key, receiver);
        },
      });
    logRequest(logger, counted(200));
    expect(lines).toHaveLength(0);
    expect(reads).toBe(0);
    logRequest(logger, counted(429));
    logRequest(logger, counted(503));
    expect(lines.map((line) => [JSON.parse(line).trace_id, JSON.parse(line).level])).toEqual([['t-429', 40], ['t-503', 50]]);
    expect(reads).toBeGreaterThan(0);
  });

  it('masks the key shapes of the major providers', () => {
    for (const key of ['sk-ant-api03-SECRETSECRET', 'AKIAIOSFODNN7EXAMPLE', 'AIzaSyD-SECRETSECRET', 'gsk_SECRETSECRET']) {
      expect(maskSecrets(`key ${key} was refused`)).not.toContain('SECRETSECRET'.slice(4));
    }
  });
});
