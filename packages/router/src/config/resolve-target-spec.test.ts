import { describe, expect, it } from 'vitest';
import { defaultRetryStatusCodes, inheritSettings, resolveTargetSpec, rootSettings } from './resolve-target-spec.js';
import type { RoutingConfig } from './routing-config-schema.js';

/** Resolves the leaf at `indexes` the way the runner walks the tree. */
function leafSpec(config: RoutingConfig, indexes: number[]) {
  let settings = inheritSettings(rootSettings, config);
  let node = config;
  let path = 'config';
  for (const index of indexes) {
    node = node.targets![index]!;
    settings = inheritSettings(settings, node);
    path += `.targets[${index}]`;
  }
  return resolveTargetSpec(node, settings, path);
}

describe('resolveTargetSpec', () => {
  it('gives a bare target the defaults', () => {
    expect(leafSpec({}, [])).toEqual({
      overrideParams: {},
      forwardHeaders: [],
      retry: { attempts: 0, onStatusCodes: [...defaultRetryStatusCodes], useRetryAfterHeader: false },
      extra: {},
      path: 'config',
    });
  });
  it('maps a leaf’s own fields', () => {
    const spec = leafSpec(
      { provider: 'openai', api_key: 'sk-x', name: 'main', custom_host: 'http://localhost:8080/v1', request_timeout: 1500, forward_headers: ['x-trace'] },
      [],
    );
    expect(spec).toMatchObject({ provider: 'openai', apiKey: 'sk-x', name: 'main', customHost: 'http://localhost:8080/v1', requestTimeoutMs: 1500, forwardHeaders: ['x-trace'] });
  });
  it('treats a virtual key as a catalog slug, winning over provider', () => {
    expect(leafSpec({ virtual_key: 'openai-prod' }, []).provider).toBe('@openai-prod');
    expect(leafSpec({ virtual_key: '@anthropic', provider: 'openai' }, []).provider).toBe('@anthropic');
  });
  it('normalises retry, both spellings of the retry-after flag', () => {
    expect(leafSpec({ retry: { attempts: 3, on_status_codes: [408] } }, []).retry).toEqual({ attempts: 3, onStatusCodes: [408], useRetryAfterHeader: false });
    expect(leafSpec({ retry: { attempts: 1, use_retry_after_header: true } }, []).retry.useRetryAfterHeader).toBe(true);
    expect(leafSpec({ retry: { attempts: 1, use_retry_after_headers: true } }, []).retry.useRetryAfterHeader).toBe(true);
  });

  const tree: RoutingConfig = {
    strategy: { mode: 'fallback' },
    retry: { attempts: 2, on_status_codes: [429] },
    request_timeout: 2000,
    custom_host: 'http://localhost:11434/v1',
    forward_headers: ['x-user'],
    override_params: { model: 'gpt-4o', temperature: 0.2 },
    aws_region: 'us-east-1',
    cache: { mode: 'simple' },
    targets: [
      { provider: '@a' },
      {
        strategy: { mode: 'loadbalance' },
        request_timeout: 5000,
        override_params: { temperature: 0.9, max_tokens: 100 },
        aws_region: 'eu-west-1',
        weight: 2,
        targets: [
          { provider: '@b', retry: { attempts: 1 }, name: 'b', weight: 3 },
          { provider: '@c', request_timeout: 10000, custom_host: 'http://127.0.0.1:9000/v1', forward_headers: [], anthropic_beta: 'x' },
        ],
      },
    ],
  };

  it('passes everything inheritable down to a direct child', () => {
    expect(leafSpec(tree, [0])).toEqual({
      provider: '@a',
      overrideParams: { model: 'gpt-4o', temperature: 0.2 },
      forwardHeaders: ['x-user'],
      requestTimeoutMs: 2000,
      customHost: 'http://localhost:11434/v1',
      retry: { attempts: 2, onStatusCodes: [429], useRetryAfterHeader: false },
      extra: { aws_region: 'us-east-1', cache: { mode: 'simple' } },
      path: 'config.targets[0]',
    });
  });
  it('merges override_params (the nearer wins) and replaces the rest whole at each level', () => {
    const b = leafSpec(tree, [1, 0]);
    expect(b.overrideParams).toEqual({ model: 'gpt-4o', temperature: 0.9, max_tokens: 100 });
    expect(b.requestTimeoutMs).toBe(5000);
    // A child's retry replaces the inherited one whole, as in Portkey: the default codes come back.
    expect(b.retry).toEqual({ attempts: 1, onStatusCodes: [...defaultRetryStatusCodes], useRetryAfterHeader: false });
    expect(b.extra).toEqual({ aws_region: 'eu-west-1', cache: { mode: 'simple' } });
    expect(b.name).toBe('b');
    expect(b.path).toBe('config.targets[1].targets[0]');

    const c = leafSpec(tree, [1, 1]);
    expect(c).toMatchObject({ requestTimeoutMs: 10000, customHost: 'http://127.0.0.1:9000/v1', forwardHeaders: [] });
    expect(c.retry.attempts).toBe(2);
    expect(c.extra).toEqual({ aws_region: 'eu-west-1', cache: { mode: 'simple' }, anthropic_beta: 'x' });
  });
  it('keeps weight, name, strategy and targets out of extra and does not share objects between specs', () => {
    const first = leafSpec(tree, [0]);
    const again = leafSpec(tree, [0]);
    first.overrideParams.model = 'changed';
    first.forwardHeaders.push('x-more');
    expect(again.overrideParams.model).toBe('gpt-4o');
    expect(again.forwardHeaders).toEqual(['x-user']);
    expect(Object.keys(leafSpec(tree, [1, 0]).extra)).not.toContain('weight');
    expect(tree.override_params).toEqual({ model: 'gpt-4o', temperature: 0.2 });
  });
});
