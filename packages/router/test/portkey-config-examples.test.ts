import { TimeoutError, UpstreamError } from '@switchyard/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AttemptFunction, type ResolvedTargetSpec, type RoutingRequest, parseRoutingConfig, runRoutingPlan } from '../src/index.js';

// The configs below are the examples of Portkey's docs (configs, fallbacks, load balancing,
// conditional routing, retries, request timeouts, circuit breaker), as JSON text, parsed and run.

type Step = 'ok' | 'hang' | Error;

function fakeUpstream(script: Record<string, Step[]> = {}) {
  const calls: ResolvedTargetSpec[] = [];
  const attempt: AttemptFunction<string> = async (target) => {
    calls.push(target);
    const queue = script[target.path] ?? ['ok'];
    const step = queue.length > 1 ? queue.shift()! : queue[0]!;
    if (step === 'hang') return new Promise<string>(() => {});
    if (step !== 'ok') throw step;
    return target.path;
  };
  return { attempt, calls, paths: () => calls.map((call) => call.path) };
}

function request(overrides: Partial<RoutingRequest> = {}): RoutingRequest {
  return { metadata: {}, params: { model: 'gpt-4o', messages: [] }, pathname: '/v1/chat/completions', signal: new AbortController().signal, ...overrides };
}

const failure = (status: number, headers: Record<string, string> = {}) => new UpstreamError(`upstream ${status}`, { provider: 'x', status, headers });
const noWait = { sleep: async () => {}, random: () => 0.5 };

afterEach(() => vi.useRealTimers());

describe('Portkey docs: single targets', () => {
  it('provider slug, provider + api_key, legacy virtual key, hyperparameters, cache + retry', async () => {
    const examples: [string, Partial<ResolvedTargetSpec>][] = [
      ['{ "provider": "@openai-prod" }', { provider: '@openai-prod' }],
      ['{ "provider": "anthropic", "api_key": "ANTHROPIC_API_KEY" }', { provider: 'anthropic', apiKey: 'ANTHROPIC_API_KEY' }],
      ['{ "virtual_key": "your-virtual-key-slug", "cache": { "mode": "semantic", "max_age": 10000 } }', { provider: '@your-virtual-key-slug', extra: { cache: { mode: 'semantic', max_age: 10000 } } }],
      [
        '{ "provider": "@anthropic-prod", "override_params": { "model": "claude-sonnet-4-20250514", "max_tokens": 512, "temperature": 0 } }',
        { overrideParams: { model: 'claude-sonnet-4-20250514', max_tokens: 512, temperature: 0 } },
      ],
      [
        '{ "provider": "@openai-prod", "cache": { "mode": "simple" }, "retry": { "attempts": 5, "on_status_codes": [] } }',
        { retry: { attempts: 5, onStatusCodes: [], useRetryAfterHeader: false } },
      ],
    ];
    for (const [json, expected] of examples) {
      const { attempt } = fakeUpstream();
      const result = await runRoutingPlan(parseRoutingConfig(json), request(), attempt);
      expect(result.target, json).toMatchObject({ path: 'config', ...expected });
    }
  });

  it('a passthrough target defers the provider to the request', async () => {
    const config = parseRoutingConfig(`{
      "strategy": { "mode": "fallback" },
      "targets": [
        { "passthrough": true },
        { "provider": "@anthropic-backup", "override_params": { "model": "claude-sonnet-4-20250514" } }
      ]
    }`);
    const { attempt, calls } = fakeUpstream();
    await runRoutingPlan(config, request(), attempt);
    expect(calls[0]!.provider).toBeUndefined();
    expect(calls[0]!.extra).toEqual({ passthrough: true });
  });
});

describe('Portkey docs: fallbacks', () => {
  const betweenProviders = `{
    "strategy": { "mode": "fallback" },
    "targets": [
      { "provider": "@openai-prod", "override_params": { "model": "gpt-4o" } },
      { "provider": "@anthropic-prod", "override_params": { "model": "claude-sonnet-4-20250514" } }
    ]
  }`;

  it('falls back to the next provider on any non-2xx', async () => {
    const { attempt, calls } = fakeUpstream({ 'config.targets[0]': [failure(500)] });
    const result = await runRoutingPlan(parseRoutingConfig(betweenProviders), request(), attempt);
    expect(calls.map((target) => [target.provider, target.overrideParams.model])).toEqual([
      ['@openai-prod', 'gpt-4o'],
      ['@anthropic-prod', 'claude-sonnet-4-20250514'],
    ]);
    expect(result.target.path).toBe('config.targets[1]');
  });

  it('between models: the @slug/model string travels in override_params for the server', async () => {
    const config = parseRoutingConfig(`{
      "strategy": { "mode": "fallback" },
      "targets": [
        { "override_params": { "model": "@openai-prod/gpt-4o" } },
        { "override_params": { "model": "@anthropic-prod/claude-3-5-sonnet-20241022" } },
        { "override_params": { "model": "@google-prod/gemini-1.5-pro" } }
      ]
    }`);
    const { attempt, calls } = fakeUpstream({ 'config.targets[0]': [failure(503)], 'config.targets[1]': [failure(529)] });
    const result = await runRoutingPlan(config, request(), attempt);
    expect(calls.map((target) => target.overrideParams.model)).toEqual(['@openai-prod/gpt-4o', '@anthropic-prod/claude-3-5-sonnet-20241022', '@google-prod/gemini-1.5-pro']);
    expect(result.target.healthKey).toBe('||@google-prod/gemini-1.5-pro');
  });

  it('on rate limit only (429): other errors are returned as they are', async () => {
    const json = `{
      "strategy": { "mode": "fallback", "on_status_codes": [429] },
      "targets": [{ "provider": "@openai-prod" }, { "provider": "@azure-prod" }]
    }`;
    const limited = fakeUpstream({ 'config.targets[0]': [failure(429)] });
    await runRoutingPlan(parseRoutingConfig(json), request(), limited.attempt);
    expect(limited.paths()).toEqual(['config.targets[0]', 'config.targets[1]']);

    const broken = fakeUpstream({ 'config.targets[0]': [failure(500)] });
    await expect(runRoutingPlan(parseRoutingConfig(json), request(), broken.attempt)).rejects.toMatchObject({ status: 500 });
    expect(broken.paths()).toEqual(['config.targets[0]']);
  });
});

describe('Portkey docs: load balancing', () => {
  it('0.7 / 0.3 between providers', async () => {
    const config = parseRoutingConfig(`{
      "strategy": { "mode": "loadbalance" },
      "targets": [{ "provider": "@openai-prod", "weight": 0.7 }, { "provider": "@azure-prod", "weight": 0.3 }]
    }`);
    const first = await runRoutingPlan(config, request(), fakeUpstream().attempt, { random: () => 0.69 });
    const second = await runRoutingPlan(config, request(), fakeUpstream().attempt, { random: () => 0.71 });
    expect([first.target.provider, second.target.provider]).toEqual(['@openai-prod', '@azure-prod']);
  });

  it('unset weights default to 1; weight 0 stops traffic', async () => {
    const config = parseRoutingConfig(`{
      "strategy": { "mode": "loadbalance" },
      "targets": [{ "provider": "@openai-key-1" }, { "provider": "@openai-key-2", "weight": 0 }, { "provider": "@openai-key-3", "weight": 1 }]
    }`);
    const picked = new Set<string>();
    for (const draw of [0, 0.49, 0.5, 0.99]) picked.add((await runRoutingPlan(config, request(), fakeUpstream().attempt, { random: () => draw })).target.provider!);
    expect([...picked].sort()).toEqual(['@openai-key-1', '@openai-key-3']);
  });

  it('load balancing and fallback combined (nested strategies)', async () => {
    const config = parseRoutingConfig(`{
      "strategy": { "mode": "loadbalance" },
      "targets": [
        { "provider": "@openai-prod" },
        {
          "strategy": { "mode": "fallback", "on_status_codes": [429, 500] },
          "targets": [{ "provider": "@openai-backup" }, { "provider": "@anthropic-prod" }]
        }
      ]
    }`);
    const { attempt, calls } = fakeUpstream({ 'config.targets[1].targets[0]': [failure(429)] });
    const result = await runRoutingPlan(config, request(), attempt, { random: () => 0.9 });
    expect(calls.map((target) => target.provider)).toEqual(['@openai-backup', '@anthropic-prod']);
    expect(result.target.path).toBe('config.targets[1].targets[1]');
  });

  it('sticky sessions parse (the strategy keeps them; routing stays weighted for now)', () => {
    const config = parseRoutingConfig(`{
      "strategy": { "mode": "loadbalance", "sticky": { "enabled": true, "hash_fields": ["metadata.user_id"], "ttl": 3600 } },
      "targets": [{ "provider": "@openai-prod", "weight": 0.5 }, { "provider": "@anthropic-prod", "weight": 0.5 }]
    }`);
    expect(config.strategy!.sticky).toEqual({ enabled: true, hash_fields: ['metadata.user_id'], ttl: 3600 });
  });
});

describe('Portkey docs: conditional routing', () => {
  it('metadata based: paid users to the fine-tuned model', async () => {
    const config = parseRoutingConfig(`{
      "strategy": {
        "mode": "conditional",
        "conditions": [
          { "query": { "metadata.user_plan": { "$eq": "paid" } }, "then": "finetuned-gpt4" },
          { "query": { "metadata.user_plan": { "$eq": "free" } }, "then": "base-gpt4" }
        ],
        "default": "base-gpt4"
      },
      "targets": [
        { "name": "finetuned-gpt4", "provider": "@xx", "override_params": { "model": "ft:gpt4-xxxxx" } },
        { "name": "base-gpt4", "provider": "@yy", "override_params": { "model": "gpt-4" } }
      ]
    }`);
    const route = async (metadata: Record<string, string>) => (await runRoutingPlan(config, request({ metadata }), fakeUpstream().attempt)).target;
    expect(await route({ user_plan: 'paid' })).toMatchObject({ name: 'finetuned-gpt4', overrideParams: { model: 'ft:gpt4-xxxxx' } });
    expect(await route({ user_plan: 'free' })).toMatchObject({ name: 'base-gpt4' });
    expect(await route({})).toMatchObject({ name: 'base-gpt4' });
  });

  it('params based: model aliases, temperature and max_tokens', async () => {
    const aliases = parseRoutingConfig(`{
      "strategy": {
        "mode": "conditional",
        "conditions": [
          { "query": { "params.model": { "$eq": "fastest" } }, "then": "fast-model" },
          { "query": { "params.model": { "$eq": "smartest" } }, "then": "smart-model" }
        ],
        "default": "balanced-model"
      },
      "targets": [
        { "name": "smart-model", "provider": "@anthropic-vk", "override_params": { "model": "claude-3.5-sonnet" } },
        { "name": "fast-model", "provider": "@openai-vk", "override_params": { "model": "gpt-4o-mini" } },
        { "name": "balanced-model", "provider": "@openai-vk", "override_params": { "model": "gpt-4o" } }
      ]
    }`);
    const model = async (params: Record<string, unknown>) => (await runRoutingPlan(aliases, request({ params }), fakeUpstream().attempt)).target.overrideParams.model;
    expect(await model({ model: 'fastest' })).toBe('gpt-4o-mini');
    expect(await model({ model: 'smartest' })).toBe('claude-3.5-sonnet');
    expect(await model({ model: 'gpt-4o' })).toBe('gpt-4o');

    const temperature = parseRoutingConfig(`{
      "strategy": {
        "mode": "conditional",
        "conditions": [
          { "query": { "params.temperature": { "$gte": 0.7 } }, "then": "creative-model" },
          { "query": { "params.temperature": { "$lt": 0.3 } }, "then": "factual-model" }
        ],
        "default": "balanced-model"
      },
      "targets": [
        { "name": "creative-model", "provider": "@anthropic-vk" },
        { "name": "factual-model", "provider": "@openai-vk" },
        { "name": "balanced-model", "provider": "@openai-vk" }
      ]
    }`);
    const name = async (params: Record<string, unknown>) => (await runRoutingPlan(temperature, request({ params }), fakeUpstream().attempt)).target.name;
    expect(await name({ temperature: 0.7 })).toBe('creative-model');
    expect(await name({ temperature: 0.1 })).toBe('factual-model');
    expect(await name({ temperature: 0.5 })).toBe('balanced-model');
    expect(await name({})).toBe('balanced-model');
  });

  it('logical operators: the documented mixed $or / $and', async () => {
    const config = parseRoutingConfig(`{
      "strategy": {
        "mode": "conditional",
        "conditions": [{
          "query": {
            "$or": [
              { "$and": [{ "metadata.user_type": { "$eq": "pro" } }, { "params.model": { "$eq": "gpt-4o" } }] },
              { "params.max_tokens": { "$gt": 1000 } }
            ]
          },
          "then": "premium"
        }],
        "default": "standard"
      },
      "targets": [{ "name": "premium", "provider": "@a" }, { "name": "standard", "provider": "@b" }]
    }`);
    const name = async (overrides: Partial<RoutingRequest>) => (await runRoutingPlan(config, request(overrides), fakeUpstream().attempt)).target.name;
    expect(await name({ metadata: { user_type: 'pro' }, params: { model: 'gpt-4o' } })).toBe('premium');
    expect(await name({ metadata: { user_type: 'pro' }, params: { model: 'gpt-4o-mini' } })).toBe('standard');
    expect(await name({ params: { model: 'x', max_tokens: 2000 } })).toBe('premium');
  });

  it('data sensitivity with $in, feature flags with $eq true, URL path with $regex', async () => {
    const sensitivity = parseRoutingConfig(`{
      "strategy": {
        "mode": "conditional",
        "conditions": [
          { "query": { "metadata.data_sensitivity": { "$eq": "high" } }, "then": "on-premises-model" },
          { "query": { "metadata.data_sensitivity": { "$in": ["medium", "low"] } }, "then": "cloud-model" }
        ],
        "default": "public-model"
      },
      "targets": [
        { "name": "public-model", "provider": "@openai-vk" },
        { "name": "on-premises-model", "provider": "@private-vk" },
        { "name": "cloud-model", "provider": "@azure-vk" }
      ]
    }`);
    const sensitive = async (level: string) => (await runRoutingPlan(sensitivity, request({ metadata: { data_sensitivity: level } }), fakeUpstream().attempt)).target.name;
    expect(await sensitive('high')).toBe('on-premises-model');
    expect(await sensitive('low')).toBe('cloud-model');
    expect(await sensitive('none')).toBe('public-model');

    const flags = parseRoutingConfig(`{
      "strategy": { "mode": "conditional", "conditions": [{ "query": { "metadata.new_model_enabled": { "$eq": true } }, "then": "new-model-target" }], "default": "standard-model" },
      "targets": [{ "name": "new-model-target", "provider": "@openai-vk" }, { "name": "standard-model", "provider": "@openai-vk" }]
    }`);
    expect((await runRoutingPlan(flags, request({ metadata: { new_model_enabled: 'true' } }), fakeUpstream().attempt)).target.name).toBe('new-model-target');

    const paths = parseRoutingConfig(`{
      "strategy": { "mode": "conditional", "conditions": [{ "query": { "url.pathname": { "$regex": "^/responses" } }, "then": "responses-model" }], "default": "standard-model" },
      "targets": [{ "name": "responses-model", "provider": "@openai-vk/gpt-4.1" }, { "name": "standard-model", "provider": "@openai-vk/gpt-3.5-turbo" }]
    }`);
    expect((await runRoutingPlan(paths, request({ pathname: '/responses' }), fakeUpstream().attempt)).target.provider).toBe('@openai-vk/gpt-4.1');
    expect((await runRoutingPlan(paths, request(), fakeUpstream().attempt)).target.provider).toBe('@openai-vk/gpt-3.5-turbo');
  });

  it('guardrails on conditional targets travel in extra', async () => {
    const config = parseRoutingConfig(`{
      "strategy": {
        "mode": "conditional",
        "conditions": [{ "query": { "metadata.user_plan": { "$eq": "paid" } }, "then": "premium-model" }],
        "default": "standard-model"
      },
      "targets": [
        { "name": "premium-model", "provider": "@openai-vk-xxx", "input_guardrails": ["pg-pii-detector-xxx"], "output_guardrails": ["pg-fact-checker-xxx"] },
        { "name": "standard-model", "provider": "@openai-vk-yyy" }
      ]
    }`);
    const result = await runRoutingPlan(config, request({ metadata: { user_plan: 'paid' } }), fakeUpstream().attempt);
    expect(result.target.extra).toEqual({ input_guardrails: ['pg-pii-detector-xxx'], output_guardrails: ['pg-fact-checker-xxx'] });
  });
});

describe('Portkey docs: retries', () => {
  it('retry with 5 attempts on the default codes', async () => {
    const { attempt, calls } = fakeUpstream({ config: [failure(429), failure(500), failure(502), failure(503), failure(504), 'ok'] });
    const result = await runRoutingPlan(parseRoutingConfig('{ "retry": { "attempts": 5 }, "provider": "@virtual-key-xxx" }'), request(), attempt, noWait);
    expect(calls).toHaveLength(6);
    expect(result.retryCount).toBe(5);
  });

  it('retry only on specific codes, older virtual_key spelling', async () => {
    const config = parseRoutingConfig('{ "retry": { "attempts": 3, "on_status_codes": [408, 429, 401] }, "virtual_key": "virtual-key-xxx" }');
    const retried = fakeUpstream({ config: [failure(401), 'ok'] });
    expect((await runRoutingPlan(config, request(), retried.attempt, noWait)).retryCount).toBe(1);
    const notRetried = fakeUpstream({ config: [failure(500)] });
    await expect(runRoutingPlan(config, request(), notRetried.attempt, noWait)).rejects.toMatchObject({ status: 500 });
    expect(notRetried.calls).toHaveLength(1);
  });

  it('respects retry-after headers when asked', async () => {
    const waits: number[] = [];
    const config = parseRoutingConfig('{ "retry": { "attempts": 3, "on_status_codes": [429], "use_retry_after_headers": true }, "override_params": { "model": "@openai-prod/gpt-4o" } }');
    const { attempt } = fakeUpstream({ config: [failure(429, { 'retry-after-ms': '1200' }), failure(429, { 'retry-after': '3' }), 'ok'] });
    await runRoutingPlan(config, request(), attempt, {
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(waits).toEqual([1_200, 3_000]);
  });
});

describe('Portkey docs: request timeouts', () => {
  it('nested timeouts: the nearest one applies', async () => {
    const config = parseRoutingConfig(`{
      "strategy": { "mode": "loadbalance" },
      "request_timeout": 2000,
      "targets": [
        {
          "strategy": { "mode": "fallback" },
          "request_timeout": 5000,
          "targets": [{ "provider": "@openai" }, { "provider": "@azure-openai", "request_timeout": 10000 }],
          "weight": 1
        },
        { "provider": "@azure-openai", "weight": 1 }
      ]
    }`);
    const fallbackBranch = fakeUpstream({ 'config.targets[0].targets[0]': [failure(500)] });
    await runRoutingPlan(config, request(), fallbackBranch.attempt, { random: () => 0.1 });
    expect(fallbackBranch.calls.map((target) => target.requestTimeoutMs)).toEqual([5_000, 10_000]);
    const directBranch = fakeUpstream();
    await runRoutingPlan(config, request(), directBranch.attempt, { random: () => 0.9 });
    expect(directBranch.calls.map((target) => target.requestTimeoutMs)).toEqual([2_000]);
  });

  it('a timeout (408) triggers the fallback listed for it', async () => {
    vi.useFakeTimers();
    const config = parseRoutingConfig(`{
      "strategy": { "mode": "fallback", "on_status_codes": [408] },
      "targets": [{ "provider": "@openai", "request_timeout": 2000 }, { "provider": "@azure-openai" }]
    }`);
    const { attempt, paths } = fakeUpstream({ 'config.targets[0]': ['hang'] });
    const running = runRoutingPlan(config, request(), attempt);
    await vi.advanceTimersByTimeAsync(2_000);
    expect((await running).target.provider).toBe('@azure-openai');
    expect(paths()).toEqual(['config.targets[0]', 'config.targets[1]']);
  });

  it('a timeout triggers retries, and fails with 408 once they run out', async () => {
    vi.useFakeTimers();
    const config = parseRoutingConfig('{ "request_timeout": 1000, "retry": { "attempts": 3, "on_status_codes": [408] }, "provider": "@openai" }');
    const { attempt, calls } = fakeUpstream({ config: ['hang'] });
    const running = runRoutingPlan(config, request(), attempt, noWait).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(4_000);
    const error = await running;
    expect(calls).toHaveLength(4);
    expect(error).toMatchObject({ status: 408, kind: 'timeout', message: 'All 4 attempts failed; last: @openai did not start answering within the request_timeout of 1000 ms.' });
    expect(TimeoutError.isInstance((error as Error).cause)).toBe(true);
  });
});

describe('Portkey docs: circuit breaker config', () => {
  it('parses cb_config on the strategy (kept, not acted on: the gateway-wide HealthTracker breaks circuits)', () => {
    const config = parseRoutingConfig(`{
      "strategy": {
        "mode": "fallback",
        "cb_config": { "failure_threshold_percentage": 20, "minimum_requests": 10, "cooldown_interval": 60000, "failure_status_codes": [401, 429, 500] }
      },
      "targets": [
        { "override_params": { "model": "@openai-prod/gpt-4o" } },
        { "override_params": { "model": "@anthropic-prod/claude-3-5-sonnet-20241022" } }
      ]
    }`);
    expect(config.strategy!.cb_config).toMatchObject({ cooldown_interval: 60000 });
  });
});
