import { GatewayError, InvalidRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { parseRoutingConfig } from './parse-routing-config.js';

function parseError(value: unknown): InvalidRequestError {
  try {
    parseRoutingConfig(value);
  } catch (error) {
    expect(GatewayError.isInstance(error)).toBe(true);
    return error as InvalidRequestError;
  }
  throw new Error('expected the config to be refused');
}

describe('parseRoutingConfig', () => {
  it('returns a valid config as given, unknown keys kept', () => {
    const config = { strategy: { mode: 'fallback' }, targets: [{ provider: '@a', aws_region: 'eu-west-1' }, { virtual_key: 'vk-b' }] };
    expect(parseRoutingConfig(config)).toEqual(config);
  });
  it('accepts the JSON text of the header', () => {
    expect(parseRoutingConfig('{"provider":"@openai-prod","retry":{"attempts":2}}')).toEqual({ provider: '@openai-prod', retry: { attempts: 2 } });
  });
  it('names the path and the problem, as an invalid request on the config header', () => {
    const error = parseError({ strategy: { mode: 'fallback' }, targets: [{ provider: '@a' }, { provider: '@b', retry: { attempts: 11 } }] });
    expect(error.message).toBe('config.targets[1].retry.attempts: must be at most 10');
    expect(error.kind).toBe('invalid_request');
    expect(error.status).toBe(400);
    expect(error.param).toBe('x-switchyard-config');
    expect(error.code).toBe('invalid_config');
  });
  it('reports several problems at once, at most five', () => {
    expect(parseError({ weight: -1, request_timeout: -5 }).message).toBe('config.weight: must be at least 0; config.request_timeout: must be greater than 0');
    const many = { strategy: { mode: 'fallback' }, targets: Array.from({ length: 7 }, () => ({ weight: -1 })) };
    expect(parseError(many).message).toMatch(/config\.targets\[4\]\.weight: must be at least 0; and 2 more$/);
  });
  it('refuses bad JSON and non-objects', () => {
    expect(parseError('{"strategy":').message).toBe('config: is not valid JSON');
    expect(parseError('[]').message).toBe('config: must be an object, not an array');
    expect(parseError(42).message).toBe('config: must be an object, not a number');
  });
  it('refuses a strategy mode it does not know', () => {
    expect(parseError({ strategy: { mode: 'round-robin' }, targets: [{}] }).message).toBe(
      'config.strategy.mode: must be one of "single", "fallback", "loadbalance", "conditional"',
    );
  });
  it('refuses a conditional target name that is missing', () => {
    const config = {
      strategy: { mode: 'conditional', conditions: [{ query: { 'metadata.plan': 'paid' }, then: 'premium' }], default: 'basic' },
      targets: [{ name: 'basic', provider: '@a' }],
    };
    expect(parseError(config).message).toBe(
      'config.strategy.conditions[0].then: names no target of this strategy ("premium"; named targets: "basic")',
    );
  });
  it('enforces tree limits before the schema, with the configured bounds', () => {
    const wide = { strategy: { mode: 'fallback' }, targets: Array.from({ length: 65 }, () => ({ provider: '@a' })) };
    expect(parseError(wide).message).toBe('config: has more than 64 targets in the whole tree');
    expect(() => parseRoutingConfig({ strategy: { mode: 'fallback' }, targets: [{}, {}] }, { maxTargets: 1, maxDepth: 8 })).toThrow(
      'config: has more than 1 targets in the whole tree',
    );
  });
  it('survives a deeply nested hostile value', () => {
    let node: Record<string, unknown> = {};
    for (let level = 0; level < 10_000; level++) node = { strategy: { mode: 'single' }, targets: [node] };
    expect(parseError(node).message).toContain('deeper than 8 levels');
  });
});
