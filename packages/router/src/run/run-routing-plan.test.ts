import { InvalidRequestError, NotFoundError, TimeoutError, UpstreamError } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResolvedTargetSpec } from '../config/resolve-target-spec.js';
import type { RoutingConfig } from '../config/routing-config-schema.js';
import { createHealthTracker } from '../health/target-health.js';
import { AllTargetsFailedError } from './all-targets-failed-error.js';
import type { AttemptFunction, AttemptInfo, RoutingRequest, RunOptions } from './routing-types.js';
import { runRoutingPlan } from './run-routing-plan.js';

type Step = 'ok' | 'hang' | Error;

/** A fake upstream: per target path, the outcomes of its successive calls (the last one repeats). */
function scripted(script: Record<string, Step[]> = {}, onCall?: (target: ResolvedTargetSpec, info: AttemptInfo) => void) {
  const calls: { target: ResolvedTargetSpec; info: AttemptInfo }[] = [];
  const attempt: AttemptFunction<string> = async (target, info) => {
    calls.push({ target, info });
    onCall?.(target, info);
    const queue = script[target.path] ?? ['ok'];
    const step = queue.length > 1 ? queue.shift()! : queue[0]!;
    if (step === 'ok') return `answer from ${target.path}`;
    if (step === 'hang') return new Promise<string>(() => {});
    throw step;
  };
  return { attempt, calls, paths: () => calls.map((call) => call.target.path) };
}

function request(overrides: Partial<RoutingRequest> = {}): RoutingRequest {
  return { metadata: {}, params: { model: 'gpt-4o' }, pathname: '/v1/chat/completions', signal: new AbortController().signal, ...overrides };
}

const upstream = (status?: number, headers: Record<string, string> = {}) =>
  new UpstreamError(status === undefined ? 'connection refused' : `upstream answered ${status}`, { provider: 'fake', status, headers, retryable: status === undefined ? true : undefined });

const sleeps: number[] = [];
const instant: RunOptions = {
  random: () => 0.5,
  sleep: async (ms) => {
    sleeps.push(ms);
  },
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the run to fail');
}

const fallback = (targets: RoutingConfig[], strategy: Partial<RoutingConfig['strategy']> = {}): RoutingConfig => ({
  strategy: { mode: 'fallback', ...strategy },
  targets,
});

afterEach(() => {
  sleeps.length = 0;
  vi.useRealTimers();
});

describe('runRoutingPlan without a config', () => {
  it('runs one implicit target at "config"; the server fills in the provider', async () => {
    const { attempt, calls } = scripted();
    const result = await runRoutingPlan(undefined, request(), attempt);
    expect(result.value).toBe('answer from config');
    expect(result.retryCount).toBe(0);
    expect(result.target).toEqual({
      overrideParams: {},
      forwardHeaders: [],
      retry: { attempts: 0, onStatusCodes: [429, 500, 502, 503, 504, 529], useRetryAfterHeader: false },
      extra: {},
      path: 'config',
      healthKey: '||gpt-4o',
    });
    expect(calls[0]!.info).toMatchObject({ attemptNumber: 0, retryCount: 0, path: 'config' });
    expect(result.attempts).toEqual([{ path: 'config', durationMs: expect.any(Number), retry: 0 }]);
  });
  it('rethrows the single attempt’s error unchanged', async () => {
    const error = upstream(400);
    const { attempt } = scripted({ config: [error] });
    expect(await rejection(runRoutingPlan(undefined, request(), attempt))).toBe(error);
  });
});

describe('strategies', () => {
  it('single runs the first target only', async () => {
    const { attempt, paths } = scripted();
    const result = await runRoutingPlan({ strategy: { mode: 'single' }, targets: [{ provider: '@a' }, { provider: '@b' }] }, request(), attempt);
    expect(paths()).toEqual(['config.targets[0]']);
    expect(result.target.provider).toBe('@a');
  });

  it('fallback moves on in order and reports every attempt', async () => {
    const { attempt, paths, calls } = scripted({ 'config.targets[0]': [upstream(503)], 'config.targets[1]': [upstream(500)] });
    const result = await runRoutingPlan(fallback([{ provider: '@a' }, { provider: '@b' }, { provider: '@c' }]), request(), attempt);
    expect(paths()).toEqual(['config.targets[0]', 'config.targets[1]', 'config.targets[2]']);
    expect(calls.map((call) => call.info.attemptNumber)).toEqual([0, 1, 2]);
    expect(result.value).toBe('answer from config.targets[2]');
    expect(result.attempts).toEqual([
      { path: 'config.targets[0]', provider: '@a', status: 503, kind: 'overloaded', message: 'upstream answered 503', durationMs: expect.any(Number), retry: 0 },
      { path: 'config.targets[1]', provider: '@b', status: 500, kind: 'upstream', message: 'upstream answered 500', durationMs: expect.any(Number), retry: 0 },
      { path: 'config.targets[2]', provider: '@c', durationMs: expect.any(Number), retry: 0 },
    ]);
  });

  it('fallback without on_status_codes moves on for any error status, 4xx included (Portkey: any non-2xx)', async () => {
    const { attempt, paths } = scripted({ 'config.targets[0]': [upstream(400)] });
    await runRoutingPlan(fallback([{}, {}]), request(), attempt);
    expect(paths()).toEqual(['config.targets[0]', 'config.targets[1]']);
  });

  it('fallback with on_status_codes moves on only for those; otherwise that error is the answer', async () => {
    const error = upstream(500);
    const first = scripted({ 'config.targets[0]': [error] });
    expect(await rejection(runRoutingPlan(fallback([{}, {}], { on_status_codes: [429] }), request(), first.attempt))).toBe(error);
    expect(first.paths()).toEqual(['config.targets[0]']);

    const second = scripted({ 'config.targets[0]': [upstream(429)] });
    await runRoutingPlan(fallback([{}, {}], { on_status_codes: [429] }), request(), second.attempt);
    expect(second.paths()).toEqual(['config.targets[0]', 'config.targets[1]']);
  });

  it('fallback reads the older top-level on_status_codes too', async () => {
    const { attempt, paths } = scripted({ 'config.targets[0]': [upstream(500)] });
    await rejection(runRoutingPlan({ ...fallback([{}, {}]), on_status_codes: [429] }, request(), attempt));
    expect(paths()).toEqual(['config.targets[0]']);
  });

  it('fallback moves on after a failure with no answer at all, whatever on_status_codes say', async () => {
    const { attempt, paths } = scripted({ 'config.targets[0]': [upstream(undefined)] });
    await runRoutingPlan(fallback([{}, {}], { on_status_codes: [429] }), request(), attempt);
    expect(paths()).toEqual(['config.targets[0]', 'config.targets[1]']);
  });

  it('a gateway-side refusal ends the chain, as Portkey’s gateway exceptions do', async () => {
    const refusal = new NotFoundError('Unknown provider "nope".');
    const alone = scripted({ 'config.targets[0]': [refusal] });
    expect(await rejection(runRoutingPlan(fallback([{ provider: '@nope' }, {}]), request(), alone.attempt))).toBe(refusal);
    expect(alone.paths()).toEqual(['config.targets[0]']);

    const after = scripted({ 'config.targets[0]': [upstream(503)], 'config.targets[1]': [refusal] });
    const error = await rejection(runRoutingPlan(fallback([{}, { provider: '@nope' }, {}]), request(), after.attempt));
    expect(after.paths()).toEqual(['config.targets[0]', 'config.targets[1]']);
    expect(error).toBeInstanceOf(AllTargetsFailedError);
    expect(error).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('a non-gateway error is a bug: the run stops and rethrows it when alone', async () => {
    const bug = new TypeError('x is undefined');
    const { attempt, paths } = scripted({ 'config.targets[0]': [bug] });
    expect(await rejection(runRoutingPlan(fallback([{}, {}]), request(), attempt))).toBe(bug);
    expect(paths()).toEqual(['config.targets[0]']);

    const later = scripted({ 'config.targets[0]': [upstream(503)], 'config.targets[1]': [bug] });
    const error = await rejection(runRoutingPlan(fallback([{}, {}, {}]), request(), later.attempt));
    expect(error).toMatchObject({ kind: 'internal', status: 500, message: 'All 2 attempts failed; last: The gateway failed to handle the request.' });
    expect((error as Error).cause).toBe(bug);
  });

  it('all failing: AllTargetsFailedError with the last error’s kind and status and every attempt', async () => {
    const { attempt } = scripted({ 'config.targets[0]': [upstream(503)], 'config.targets[1]': [upstream(500)], 'config.targets[2]': [upstream(429)] });
    const error = (await rejection(runRoutingPlan(fallback([{ provider: '@a' }, { provider: '@b' }, { provider: '@c' }]), request(), attempt))) as AllTargetsFailedError;
    expect(AllTargetsFailedError.isInstance(error)).toBe(true);
    expect(error.message).toBe('All 3 attempts failed; last: upstream answered 429');
    expect(error).toMatchObject({ kind: 'rate_limit', status: 429, provider: 'fake' });
    expect(error.attempts.map((outcome) => [outcome.path, outcome.status])).toEqual([
      ['config.targets[0]', 503],
      ['config.targets[1]', 500],
      ['config.targets[2]', 429],
    ]);
  });

  it('loadbalance draws by weight with the injected random, and a failure goes up (one pick per request)', async () => {
    const config: RoutingConfig = { strategy: { mode: 'loadbalance' }, targets: [{ provider: '@a', weight: 3 }, { provider: '@b', weight: 1 }] };
    const low = scripted();
    await runRoutingPlan(config, request(), low.attempt, { random: () => 0.74 });
    expect(low.paths()).toEqual(['config.targets[0]']);
    const high = scripted({ 'config.targets[1]': [upstream(503)] });
    const error = await rejection(runRoutingPlan(config, request(), high.attempt, { random: () => 0.75 }));
    expect(high.paths()).toEqual(['config.targets[1]']);
    expect(error).toMatchObject({ status: 503 });
  });

  it('loadbalance splits 3:1 over 2,000 requests with a seeded random', async () => {
    let state = 12345;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const config: RoutingConfig = { strategy: { mode: 'loadbalance' }, targets: [{ weight: 3 }, { weight: 1 }] };
    const { attempt, paths } = scripted();
    for (let run = 0; run < 2_000; run++) await runRoutingPlan(config, request(), attempt, { random });
    const firstShare = paths().filter((path) => path === 'config.targets[0]').length / 2_000;
    expect(firstShare).toBeGreaterThan(0.72);
    expect(firstShare).toBeLessThan(0.78);
  });

  it('conditional sends to the named target of the first matching condition, else the default', async () => {
    const config: RoutingConfig = {
      strategy: {
        mode: 'conditional',
        conditions: [
          { query: { 'metadata.user_plan': { $eq: 'paid' } }, then: 'finetuned' },
          { query: { 'params.temperature': { $gte: 0.7 } }, then: 'creative' },
        ],
        default: 'base',
      },
      targets: [
        { name: 'base', provider: '@openai' },
        { name: 'finetuned', provider: '@openai-ft' },
        { name: 'creative', provider: '@anthropic' },
      ],
    };
    const pick = async (overrides: Partial<RoutingRequest>) => (await runRoutingPlan(config, request(overrides), scripted().attempt)).target;
    expect(await pick({ metadata: { user_plan: 'paid' } })).toMatchObject({ name: 'finetuned', path: 'config.targets[1]' });
    expect(await pick({ params: { temperature: 0.9 } })).toMatchObject({ name: 'creative', path: 'config.targets[2]' });
    expect(await pick({ metadata: { user_plan: 'free' } })).toMatchObject({ name: 'base', path: 'config.targets[0]' });
  });

  it('conditional with no match and no default refuses the request before any attempt', async () => {
    const config: RoutingConfig = { strategy: { mode: 'conditional', conditions: [{ query: { 'metadata.a': 'b' }, then: 'x' }] }, targets: [{ name: 'x' }] };
    const { attempt, calls } = scripted();
    const error = await rejection(runRoutingPlan(config, request(), attempt));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toMatchObject({ code: 'no_matching_condition', param: 'x-switchyard-config' });
    expect(calls).toHaveLength(0);
  });

  it('nests: a fallback whose first target is a loadbalance over fallbacks', async () => {
    const config: RoutingConfig = fallback([
      {
        strategy: { mode: 'loadbalance' },
        targets: [{ weight: 0, provider: '@never' }, fallback([{ provider: '@a' }, { provider: '@b' }], { on_status_codes: [429] })],
      },
      { provider: '@backup' },
    ]);
    const { attempt, paths } = scripted({ 'config.targets[0].targets[1].targets[0]': [upstream(429)], 'config.targets[0].targets[1].targets[1]': [upstream(500)] });
    const result = await runRoutingPlan(config, request(), attempt);
    expect(paths()).toEqual(['config.targets[0].targets[1].targets[0]', 'config.targets[0].targets[1].targets[1]', 'config.targets[1]']);
    expect(result.target.provider).toBe('@backup');
  });

  it('an inner fallback’s unlisted status goes up for the outer strategy to judge', async () => {
    const config = fallback([fallback([{}, {}], { on_status_codes: [429] }), {}], { on_status_codes: [500] });
    const { attempt, paths } = scripted({ 'config.targets[0].targets[0]': [upstream(500)] });
    await runRoutingPlan(config, request(), attempt);
    expect(paths()).toEqual(['config.targets[0].targets[0]', 'config.targets[1]']);
  });

  it('hands each target its inherited settings', async () => {
    const config: RoutingConfig = {
      strategy: { mode: 'fallback' },
      override_params: { model: 'gpt-4o', temperature: 0 },
      request_timeout: 60_000,
      custom_host: 'http://localhost:11434/v1',
      forward_headers: ['x-user-id'],
      aws_region: 'us-east-1',
      targets: [{ provider: '@ollama', override_params: { model: 'llama3' }, api_key: 'k', anthropic_version: '2023-06-01' }],
    };
    const { attempt, calls } = scripted();
    await runRoutingPlan(config, request(), attempt);
    expect(calls[0]!.target).toMatchObject({
      provider: '@ollama',
      apiKey: 'k',
      overrideParams: { model: 'llama3', temperature: 0 },
      requestTimeoutMs: 60_000,
      customHost: 'http://localhost:11434/v1',
      forwardHeaders: ['x-user-id'],
      extra: { aws_region: 'us-east-1', anthropic_version: '2023-06-01' },
      healthKey: '@ollama|http://localhost:11434/v1|llama3',
    });
  });
});

describe('retries', () => {
  it('retries a listed status `attempts` times, counting per target and over the run', async () => {
    const { attempt, calls } = scripted({ 'config.targets[0]': [upstream(503), upstream(503), 'ok'] });
    const result = await runRoutingPlan(fallback([{ retry: { attempts: 3 } }]), request(), attempt, instant);
    expect(calls.map((call) => [call.info.attemptNumber, call.info.retryCount])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(result.retryCount).toBe(2);
    expect(result.attempts.map((outcome) => outcome.retry)).toEqual([0, 1, 2]);
  });

  it('gives up after `attempts` retries; retries count as attempts', async () => {
    const { attempt, calls } = scripted({ config: [upstream(502)] });
    const error = await rejection(runRoutingPlan({ retry: { attempts: 2 } }, request(), attempt, instant));
    expect(calls).toHaveLength(3);
    expect(error).toMatchObject({ message: 'All 3 attempts failed; last: upstream answered 502', status: 502 });
  });

  it('retries Portkey’s default statuses (and 529), not client errors', async () => {
    for (const status of [429, 500, 502, 503, 504, 529]) {
      const { calls, attempt } = scripted({ config: [upstream(status), 'ok'] });
      await runRoutingPlan({ retry: { attempts: 1 } }, request(), attempt, instant);
      expect(calls, String(status)).toHaveLength(2);
    }
    const { calls, attempt } = scripted({ config: [upstream(400)] });
    await rejection(runRoutingPlan({ retry: { attempts: 3 } }, request(), attempt, instant));
    expect(calls).toHaveLength(1);
  });

  it('retries only the listed statuses when on_status_codes is set', async () => {
    const listed = scripted({ config: [upstream(401), 'ok'] });
    await runRoutingPlan({ retry: { attempts: 3, on_status_codes: [408, 429, 401] } }, request(), listed.attempt, instant);
    expect(listed.calls).toHaveLength(2);
    const unlisted = scripted({ config: [upstream(503)] });
    await rejection(runRoutingPlan({ retry: { attempts: 3, on_status_codes: [429] } }, request(), unlisted.attempt, instant));
    expect(unlisted.calls).toHaveLength(1);
  });

  it('retries a failure with no answer when it is retryable', async () => {
    const { calls, attempt } = scripted({ config: [upstream(undefined), 'ok'] });
    await runRoutingPlan({ retry: { attempts: 1, on_status_codes: [429] } }, request(), attempt, instant);
    expect(calls).toHaveLength(2);
  });

  it('retries then falls back: the target’s retries run out first', async () => {
    const { paths } = await (async () => {
      const fake = scripted({ 'config.targets[0]': [upstream(503)] });
      await runRoutingPlan(fallback([{ retry: { attempts: 2 } }, {}]), request(), fake.attempt, instant);
      return fake;
    })();
    expect(paths()).toEqual(['config.targets[0]', 'config.targets[0]', 'config.targets[0]', 'config.targets[1]']);
  });

  it('backs off exponentially with full jitter, capped', async () => {
    const { attempt } = scripted({ config: [upstream(503)] });
    await rejection(runRoutingPlan({ retry: { attempts: 6 } }, request(), attempt, { ...instant, backoffBaseMs: 1_000, backoffCapMs: 5_000 }));
    expect(sleeps).toEqual([500, 1_000, 2_000, 2_500, 2_500, 2_500]);
  });

  it('keeps every backoff inside [0, min(cap, base * 2^n)) with real randomness', async () => {
    const waits: number[] = [];
    const { attempt } = scripted({ config: [upstream(503)] });
    for (let run = 0; run < 20; run++) {
      waits.length = 0;
      await rejection(
        runRoutingPlan({ retry: { attempts: 10 } }, request(), attempt, {
          sleep: async (ms) => {
            waits.push(ms);
          },
        }),
      );
      waits.forEach((wait, retry) => {
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThan(Math.min(8_000, 200 * 2 ** retry));
      });
    }
  });

  it('honours retry-after in seconds, as an HTTP date, and retry-after-ms', async () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    const errors = [upstream(429, { 'retry-after': '2' }), upstream(429, { 'retry-after': 'Sun, 01 Mar 2026 12:00:05 GMT' }), upstream(503, { 'retry-after-ms': '350' })];
    const { attempt } = scripted({ config: [...errors, 'ok'] });
    await runRoutingPlan({ retry: { attempts: 3, use_retry_after_headers: true } }, request(), attempt, { ...instant, now: () => now });
    expect(sleeps).toEqual([2_000, 5_000, 350]);
  });

  it('caps retry-after at retryAfterCapMs', async () => {
    const { attempt } = scripted({ config: [upstream(429, { 'retry-after': '120' }), 'ok'] });
    await runRoutingPlan({ retry: { attempts: 1, use_retry_after_header: true } }, request(), attempt, instant);
    expect(sleeps).toEqual([30_000]);
    sleeps.length = 0;
    const again = scripted({ config: [upstream(429, { 'retry-after': '120' }), 'ok'] });
    await runRoutingPlan({ retry: { attempts: 1, use_retry_after_header: true } }, request(), again.attempt, { ...instant, retryAfterCapMs: 1_500 });
    expect(sleeps).toEqual([1_500]);
  });

  it('ignores retry-after unless asked, and backs off when the header is absent', async () => {
    const { attempt } = scripted({ config: [upstream(429, { 'retry-after': '9' }), upstream(429), 'ok'] });
    await runRoutingPlan({ retry: { attempts: 2 } }, request(), attempt, instant);
    expect(sleeps).toEqual([100, 200]);
    sleeps.length = 0;
    const asked = scripted({ config: [upstream(429), 'ok'] });
    await runRoutingPlan({ retry: { attempts: 1, use_retry_after_header: true } }, request(), asked.attempt, instant);
    expect(sleeps).toEqual([100]);
  });

  it('never sleeps past the overall deadline: the next fallback target runs at once instead', async () => {
    const now = 1_000;
    const { attempt, paths } = scripted({ 'config.targets[0]': [upstream(429, { 'retry-after': '5' })] });
    await runRoutingPlan(fallback([{ retry: { attempts: 3, use_retry_after_header: true } }, {}]), request({ deadlineMs: now + 4_000 }), attempt, {
      ...instant,
      now: () => now,
    });
    expect(sleeps).toEqual([]);
    expect(paths()).toEqual(['config.targets[0]', 'config.targets[1]']);
  });

  it('stops sleeping and the run when the client leaves during a backoff', async () => {
    const client = new AbortController();
    const reason = new Error('client closed the connection');
    const { attempt, calls } = scripted({ config: [upstream(503)] });
    const error = await rejection(
      runRoutingPlan({ retry: { attempts: 5 } }, request({ signal: client.signal }), attempt, {
        sleep: (_ms, signal) => {
          client.abort(reason);
          return Promise.reject(signal.reason);
        },
      }),
    );
    expect(error).toBe(reason);
    expect(calls).toHaveLength(1);
  });

  it('bounds the attempts of one run (maxAttempts)', async () => {
    const { attempt, calls } = scripted({ config: [upstream(503)] });
    await rejection(runRoutingPlan({ retry: { attempts: 10 } }, request(), attempt, { ...instant, maxAttempts: 4 }));
    expect(calls).toHaveLength(4);
  });
});

describe('timeouts and the client', () => {
  it('request_timeout aborts a hanging attempt with a 408 TimeoutError, which on_status_codes can list', async () => {
    vi.useFakeTimers();
    const { attempt, calls, paths } = scripted({ 'config.targets[0]': ['hang'] });
    const running = runRoutingPlan(fallback([{ request_timeout: 2_000, provider: '@slow' }, {}], { on_status_codes: [408] }), request(), attempt);
    await vi.advanceTimersByTimeAsync(2_000);
    const result = await running;
    expect(paths()).toEqual(['config.targets[0]', 'config.targets[1]']);
    const reason = calls[0]!.info.signal.reason;
    expect(reason).toBeInstanceOf(TimeoutError);
    expect(reason).toMatchObject({ status: 408, kind: 'timeout', code: 'request_timeout', provider: '@slow' });
    expect(result.attempts[0]).toMatchObject({ status: 408, kind: 'timeout', message: '@slow did not start answering within the request_timeout of 2000 ms.' });
  });

  it('judges an attempt that turns the abort into its own error by the abort’s cause', async () => {
    vi.useFakeTimers();
    const attempt: AttemptFunction<string> = (_target, info) =>
      new Promise((_resolve, reject) => info.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const running = rejection(runRoutingPlan({ request_timeout: 300, provider: '@a' }, request(), attempt));
    await vi.advanceTimersByTimeAsync(300);
    expect(await running).toMatchObject({ name: 'TimeoutError', status: 408, code: 'request_timeout' });
  });

  it('request_timeout can trigger retries (Portkey’s documented 408 retry)', async () => {
    vi.useFakeTimers();
    const { attempt, calls } = scripted({ config: ['hang', 'hang', 'ok'] });
    const running = runRoutingPlan({ request_timeout: 1_000, retry: { attempts: 3, on_status_codes: [408] } }, request(), attempt, instant);
    await vi.advanceTimersByTimeAsync(2_000);
    expect((await running).retryCount).toBe(2);
    expect(calls).toHaveLength(3);
  });

  it('a timed-out single attempt rethrows the TimeoutError', async () => {
    vi.useFakeTimers();
    const { attempt } = scripted({ config: ['hang'] });
    const running = rejection(runRoutingPlan({ request_timeout: 500 }, request(), attempt));
    await vi.advanceTimersByTimeAsync(500);
    expect(await running).toMatchObject({ name: 'TimeoutError', status: 408 });
  });

  it('the first byte ends request_timeout: a stream that started may take longer', async () => {
    vi.useFakeTimers();
    const attempt: AttemptFunction<string> = async (_target, info) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      info.reportFirstByte();
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      return 'streamed';
    };
    const running = runRoutingPlan({ request_timeout: 1_000 }, request(), attempt);
    await vi.advanceTimersByTimeAsync(5_100);
    expect((await running).value).toBe('streamed');
  });

  it('the overall deadline aborts the attempt in flight and ends the run', async () => {
    vi.useFakeTimers();
    const { attempt, calls, paths } = scripted({ 'config.targets[1]': ['hang'], 'config.targets[0]': [upstream(503)] });
    const running = rejection(runRoutingPlan(fallback([{}, {}, {}]), request({ deadlineMs: Date.now() + 3_000 }), attempt));
    await vi.advanceTimersByTimeAsync(3_000);
    const error = await running;
    expect(paths()).toEqual(['config.targets[0]', 'config.targets[1]']);
    expect(calls[1]!.info.signal.aborted).toBe(true);
    expect(error).toBeInstanceOf(AllTargetsFailedError);
    expect(error).toMatchObject({ kind: 'timeout', status: 504, code: 'deadline_exceeded' });
  });

  it('makes no attempt once the deadline has passed', async () => {
    const { attempt, calls } = scripted();
    const error = await rejection(runRoutingPlan(undefined, request({ deadlineMs: 1_000 }), attempt, { now: () => 1_000 }));
    expect(error).toMatchObject({ name: 'TimeoutError', code: 'deadline_exceeded' });
    expect(calls).toHaveLength(0);
  });

  it('a client that leaves aborts the attempt and ends the run with its reason', async () => {
    const client = new AbortController();
    const reason = new Error('client went away');
    const { attempt, paths } = scripted({ 'config.targets[0]': ['hang'] }, (_target, info) => {
      if (info.attemptNumber === 0) queueMicrotask(() => client.abort(reason));
    });
    const error = await rejection(runRoutingPlan(fallback([{}, {}]), request({ signal: client.signal }), attempt));
    expect(error).toBe(reason);
    expect(paths()).toEqual(['config.targets[0]']);
  });

  it('the winning attempt’s signal still follows the client, so a relayed stream stops when it leaves', async () => {
    const client = new AbortController();
    const { attempt, calls } = scripted();
    await runRoutingPlan({ request_timeout: 10 }, request({ signal: client.signal }), attempt);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(calls[0]!.info.signal.aborted).toBe(false);
    client.abort();
    expect(calls[0]!.info.signal.aborted).toBe(true);
  });
});

describe('health', () => {
  function healthSetup() {
    const clock = { now: 0 };
    const health = createHealthTracker({ now: () => clock.now });
    const trip = (key: string) => {
      for (let failure = 0; failure < 3; failure++) health.begin(key).end('failure');
    };
    return { clock, health, trip };
  }
  const twoProviders = fallback([{ provider: '@a' }, { provider: '@b' }]);

  it('skips a cooled-down target in a fallback and probes it again after the cooldown', async () => {
    const { clock, health, trip } = healthSetup();
    trip('@a||gpt-4o');
    const skipped = scripted();
    await runRoutingPlan(twoProviders, request(), skipped.attempt, { health });
    expect(skipped.paths()).toEqual(['config.targets[1]']);

    clock.now += 30_000;
    expect(health.state('@a||gpt-4o')).toBe('half-open');
    const probed = scripted();
    await runRoutingPlan(twoProviders, request(), probed.attempt, { health });
    expect(probed.paths()).toEqual(['config.targets[0]']);
    expect(health.state('@a||gpt-4o')).toBe('closed');
  });

  it('still tries cooled-down targets when all are cooling down (never fails closed)', async () => {
    const { health, trip } = healthSetup();
    trip('@a||gpt-4o');
    trip('@b||gpt-4o');
    const { attempt, paths } = scripted({ 'config.targets[0]': [upstream(503)] });
    await runRoutingPlan(twoProviders, request(), attempt, { health });
    expect(paths()).toEqual(['config.targets[0]', 'config.targets[1]']);
  });

  it('skips a cooled-down target in a loadbalance', async () => {
    const { health, trip } = healthSetup();
    trip('@a||gpt-4o');
    const { attempt, paths } = scripted();
    await runRoutingPlan({ strategy: { mode: 'loadbalance' }, targets: [{ provider: '@a', weight: 99 }, { provider: '@b' }] }, request(), attempt, {
      health,
      random: () => 0,
    });
    expect(paths()).toEqual(['config.targets[1]']);
  });

  it('treats a group as cooled down when all its targets are', async () => {
    const { health, trip } = healthSetup();
    trip('@a||gpt-4o');
    trip('@b||gpt-4o');
    const { attempt, paths } = scripted();
    await runRoutingPlan(fallback([twoProviders, { provider: '@c' }]), request(), attempt, { health });
    expect(paths()).toEqual(['config.targets[1]']);
  });

  it('records upstream-side failures (5xx, 429, timeouts, no answer) but not client errors', async () => {
    const { health } = healthSetup();
    const runWith = async (error: Error) => rejection(runRoutingPlan({ provider: '@a' }, request(), scripted({ config: [error] }).attempt, { health }));
    for (let run = 0; run < 5; run++) await runWith(upstream(400));
    expect(health.state('@a||gpt-4o')).toBe('closed');
    await runWith(upstream(500));
    await runWith(upstream(429));
    await runWith(upstream(undefined));
    expect(health.state('@a||gpt-4o')).toBe('open');
  });

  it('opens the circuit on timeouts too', async () => {
    vi.useFakeTimers();
    const health = createHealthTracker();
    for (let run = 0; run < 3; run++) {
      const running = rejection(runRoutingPlan({ provider: '@a', request_timeout: 100 }, request(), scripted({ config: ['hang'] }).attempt, { health }));
      await vi.advanceTimersByTimeAsync(100);
      await running;
    }
    expect(health.state('@a||gpt-4o')).toBe('open');
  });

  it('counts attempts in flight and feeds the latency average from reportFirstByte', async () => {
    const clock = { now: 0 };
    const health = createHealthTracker({ now: () => clock.now });
    let inFlightDuringCall = -1;
    const attempt: AttemptFunction<string> = async (target, info) => {
      inFlightDuringCall = health.inFlight(target.healthKey!);
      clock.now += 120;
      info.reportFirstByte();
      clock.now += 1_000;
      return 'ok';
    };
    await runRoutingPlan({ provider: '@a' }, request(), attempt, { health, now: () => clock.now });
    expect(inFlightDuringCall).toBe(1);
    expect(health.inFlight('@a||gpt-4o')).toBe(0);
    expect(health.latencyMs('@a||gpt-4o')).toBe(120);
  });

  it('least-busy picks the target with the fewest attempts in flight', async () => {
    const { health } = healthSetup();
    const busy = [health.begin('@a||gpt-4o'), health.begin('@a||gpt-4o'), health.begin('@c||gpt-4o')];
    const { attempt, paths } = scripted();
    const config: RoutingConfig = { strategy: { mode: 'loadbalance', policy: 'least-busy' }, targets: [{ provider: '@a' }, { provider: '@b' }, { provider: '@c' }] };
    await runRoutingPlan(config, request(), attempt, { health });
    expect(paths()).toEqual(['config.targets[1]']);
    busy.forEach((ticket) => ticket.end('neutral'));
  });

  it('least-latency picks the target with the lowest time to first byte', async () => {
    const { health } = healthSetup();
    const measure = (key: string, ms: number) => {
      const ticket = health.begin(key);
      ticket.firstByte(ms);
      ticket.end('success');
    };
    measure('@a||gpt-4o', 900);
    measure('@b||gpt-4o', 150);
    measure('@c||gpt-4o', 400);
    const { attempt, paths } = scripted();
    const config: RoutingConfig = { strategy: { mode: 'loadbalance', policy: 'least-latency' }, targets: [{ provider: '@a' }, { provider: '@b' }, { provider: '@c' }] };
    await runRoutingPlan(config, request(), attempt, { health });
    expect(paths()).toEqual(['config.targets[1]']);
  });

  it('takes the health key from the server when given one; undefined opts a target out', async () => {
    const { health, trip } = healthSetup();
    trip('custom:@a');
    const keyed = scripted();
    await runRoutingPlan(twoProviders, request(), keyed.attempt, { health, healthKey: (target) => `custom:${target.provider}` });
    expect(keyed.paths()).toEqual(['config.targets[1]']);
    const untracked = scripted();
    await runRoutingPlan(twoProviders, request(), untracked.attempt, { health, healthKey: () => undefined });
    expect(untracked.paths()).toEqual(['config.targets[0]']);
    expect(untracked.calls[0]!.target.healthKey).toBeUndefined();
  });
});
