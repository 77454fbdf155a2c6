import { afterEach, describe, expect, it, vi } from 'vitest';
import { Switchyard, defaultBaseURL, toRoutingHeaders } from '../src/index.js';

describe('routing options', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('become the gateway headers', () => {
    expect(
      toRoutingHeaders({ provider: 'openai', config: { provider: '@a' }, customHost: 'https://h/v1', metadata: { a: '1' }, traceId: 't', forwardHeaders: ['x-a', 'x-b'] }),
    ).toEqual({
      'x-switchyard-provider': 'openai',
      'x-switchyard-config': '{"provider":"@a"}',
      'x-switchyard-custom-host': 'https://h/v1',
      'x-switchyard-metadata': '{"a":"1"}',
      'x-switchyard-trace-id': 't',
      'x-switchyard-forward-headers': 'x-a,x-b',
    });
    expect(toRoutingHeaders({ config: 'cfg-prod' })).toEqual({ 'x-switchyard-config': 'cfg-prod' });
  });

  it('defaults the base URL and key, or reads SWITCHYARD_BASE_URL / SWITCHYARD_API_KEY', () => {
    vi.stubEnv('SWITCHYARD_BASE_URL', '');
    vi.stubEnv('SWITCHYARD_API_KEY', '');
    vi.stubEnv('OPENAI_API_KEY', '');
    const plain = new Switchyard();
    expect(plain.baseURL).toBe(defaultBaseURL);
    expect(plain.apiKey).toBe('switchyard');
    vi.stubEnv('SWITCHYARD_BASE_URL', 'http://gw.internal:9000/v1');
    vi.stubEnv('SWITCHYARD_API_KEY', 'sy-key');
    const fromEnv = new Switchyard();
    expect([fromEnv.baseURL, fromEnv.apiKey]).toEqual(['http://gw.internal:9000/v1', 'sy-key']);
  });

  it('withOptions keeps the client options and merges the routing ones', () => {
    const client = new Switchyard({ baseURL: 'http://gw/v1', apiKey: 'k', maxRetries: 1, provider: 'openai', metadata: { a: '1' }, defaultHeaders: { 'x-own': 'y' } });
    const derived = client.withOptions({ metadata: { b: '2' }, traceId: 't' });
    expect(derived).toBeInstanceOf(Switchyard);
    expect([derived.baseURL, derived.apiKey, derived.maxRetries]).toEqual(['http://gw/v1', 'k', 1]);
    expect(derived.routing).toEqual({ provider: 'openai', metadata: { a: '1', b: '2' }, traceId: 't' });
    expect(client.routing).toEqual({ provider: 'openai', metadata: { a: '1' } });
  });

  it('rejects an OpenAI provider object as the provider option', () => {
    expect(() => new Switchyard({ provider: {} as never })).toThrow(/names a gateway provider/);
  });
});
