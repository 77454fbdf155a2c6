import { describe, expect, it } from 'vitest';
import { routingConfigSchema } from './routing-config-schema.js';

const issuesOf = (value: unknown) => {
  const result = routingConfigSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
};

describe('routingConfigSchema', () => {
  it('keeps provider-specific and unknown keys (loose objects)', () => {
    const config = {
      provider: 'bedrock',
      aws_access_key_id: 'AKIA',
      aws_secret_access_key: 'secret',
      aws_region: 'us-east-1',
      anthropic_beta: 'tools-2024',
      strategy_extra: { kept: true },
    };
    expect(routingConfigSchema.parse(config)).toEqual(config);
    const strategy = { mode: 'loadbalance', sticky: { enabled: true, hash_fields: ['metadata.user_id'] } };
    expect(routingConfigSchema.parse({ strategy, targets: [{ provider: '@a' }] }).strategy).toEqual(strategy);
  });
  it('accepts cache, guardrails and hooks as opaque values', () => {
    const config = {
      provider: '@openai-prod',
      cache: { mode: 'semantic', max_age: 10000 },
      input_guardrails: ['pg-pii-xxx'],
      output_guardrails: [{ id: 'x', deny: true }],
      before_request_hooks: [{ id: 'h1' }],
      after_request_hooks: 'anything',
    };
    expect(routingConfigSchema.parse(config)).toEqual(config);
  });
  it('wants a strategy with targets and targets with a strategy', () => {
    expect(issuesOf({ targets: [{ provider: '@a' }] })).toEqual([{ path: ['strategy'], message: 'is required when targets are given' }]);
    expect(issuesOf({ strategy: { mode: 'fallback' } })).toEqual([{ path: ['targets'], message: 'is required by the "fallback" strategy' }]);
    expect(issuesOf({ strategy: { mode: 'fallback' }, targets: [] })[0]!.path).toEqual(['targets']);
  });
  it('needs a positive weight somewhere in a loadbalance', () => {
    expect(issuesOf({ strategy: { mode: 'loadbalance' }, targets: [{ weight: 0 }, { weight: 0 }] })).toEqual([
      { path: ['targets'], message: 'needs at least one target with a weight above 0' },
    ]);
    expect(issuesOf({ strategy: { mode: 'loadbalance' }, targets: [{ weight: 0 }, {}] })).toEqual([]);
  });
  it('keeps policy to loadbalance', () => {
    expect(issuesOf({ strategy: { mode: 'loadbalance', policy: 'least-busy' }, targets: [{}] })).toEqual([]);
    expect(issuesOf({ strategy: { mode: 'fallback', policy: 'least-busy' }, targets: [{}] })[0]!.path).toEqual(['strategy', 'policy']);
    expect(issuesOf({ strategy: { mode: 'loadbalance', policy: 'random' }, targets: [{}] })[0]!.path).toEqual(['strategy', 'policy']);
  });
  it('checks conditional names: then and default must name a direct target, names unique', () => {
    const base = { mode: 'conditional', conditions: [{ query: { 'metadata.a': 'b' }, then: 'one' }], default: 'two' };
    expect(issuesOf({ strategy: base, targets: [{ name: 'one' }, { name: 'two' }] })).toEqual([]);
    expect(issuesOf({ strategy: base, targets: [{ name: 'one' }, { name: 'three' }] })).toEqual([
      { path: ['strategy', 'default'], message: 'names no target of this strategy ("two"; named targets: "one", "three")' },
    ]);
    expect(issuesOf({ strategy: base, targets: [{ name: 'two' }] })[0]!.path).toEqual(['strategy', 'conditions', 0, 'then']);
    expect(issuesOf({ strategy: base, targets: [{ name: 'one' }, { name: 'two' }, { name: 'one' }] })[0]!.path).toEqual(['targets', 2, 'name']);
    expect(issuesOf({ strategy: { mode: 'conditional', default: 'one' }, targets: [{ name: 'one' }] })[0]!.path).toEqual([
      'strategy',
      'conditions',
    ]);
  });
  it('does not look for names deeper than the strategy’s own targets', () => {
    const strategy = { mode: 'conditional', conditions: [{ query: {}, then: 'deep' }] };
    const targets = [{ strategy: { mode: 'single' }, targets: [{ name: 'deep' }] }];
    expect(issuesOf({ strategy, targets })[0]!.path).toEqual(['strategy', 'conditions', 0, 'then']);
  });
  it('validates queries where they are', () => {
    const strategy = { mode: 'conditional', conditions: [{ query: { $or: [{ 'params.x': { $gt: [] } }] }, then: 'a' }] };
    expect(issuesOf({ strategy, targets: [{ name: 'a' }] })[0]!.path).toEqual(['strategy', 'conditions', 0, 'query', '$or', 0, 'params.x', '$gt']);
  });
  it('bounds numbers', () => {
    expect(issuesOf({ retry: { attempts: 11 } })[0]!.path).toEqual(['retry', 'attempts']);
    expect(issuesOf({ retry: { attempts: -1 } })[0]!.path).toEqual(['retry', 'attempts']);
    expect(issuesOf({ retry: { attempts: 0 } })).toEqual([]);
    expect(issuesOf({ weight: -0.1 })[0]!.path).toEqual(['weight']);
    expect(issuesOf({ request_timeout: 0 })[0]!.path).toEqual(['request_timeout']);
    expect(issuesOf({ retry: { attempts: 1, on_status_codes: [99] } })[0]!.path).toEqual(['retry', 'on_status_codes', 0]);
    expect(issuesOf({ strategy: { mode: 'fallback', on_status_codes: ['429'] }, targets: [{}] })[0]!.path).toEqual([
      'strategy',
      'on_status_codes',
      0,
    ]);
  });
});
