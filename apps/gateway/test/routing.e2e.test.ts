import { type OpenAIMock, startOpenAIMock } from '@switchyard/testkit';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './start-test-gateway.js';

// Portkey-format configs, sent in x-switchyard-config / x-portkey-config or named in the gateway
// file, against two OpenAI mocks with injected faults.
describe('routing configs through the gateway', () => {
  let primary: OpenAIMock;
  let backup: OpenAIMock;
  let gateway: TestGateway;

  beforeAll(async () => {
    primary = await startOpenAIMock();
    backup = await startOpenAIMock();
    gateway = await startTestGateway({
      providers: {
        primary: { adapter: 'openai', apiKey: 'k1', baseURL: `${primary.url}/v1` },
        backup: { adapter: 'openai', apiKey: 'k2', baseURL: `${backup.url}/v1` },
      },
      aliases: { fast: '@backup/gpt-4o-mini' },
      configs: {
        'primary-then-backup': { strategy: { mode: 'fallback' }, targets: [{ provider: '@primary' }, { provider: '@backup' }] },
      },
      retry: { backoffBaseMs: 5, backoffCapMs: 20, retryAfterCapMs: 1500 },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await primary?.close();
    await backup?.close();
  });
  beforeEach(() => {
    primary.reset();
    backup.reset();
    gateway.records.length = 0;
  });

  function client(config?: unknown, headers: Record<string, string> = {}) {
    return new OpenAI({
      baseURL: `${gateway.url}/v1`,
      apiKey: 'unused',
      maxRetries: 0,
      defaultHeaders: { ...(config === undefined ? {} : { 'x-switchyard-config': typeof config === 'string' ? config : JSON.stringify(config) }), ...headers },
    });
  }
  const ask = (openai: OpenAI, text = 'hello') =>
    openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] }).withResponse();

  it('falls back to the next target when the first answers 500, and says which option answered', async () => {
    primary.failNext({ status: 500, body: { error: { message: 'boom', type: 'server_error' } } });
    const { data, response } = await ask(client('primary-then-backup'));
    expect(data.choices[0]!.message.content).toBe('echo: hello');
    expect(primary.received).toHaveLength(1);
    expect(backup.received).toHaveLength(1);
    expect(response.headers.get('x-switchyard-last-used-option-index')).toBe('config.targets[1]');
    expect(response.headers.get('x-switchyard-provider')).toBe('backup');
    expect(gateway.records[0]!.attempts?.map((attempt) => attempt.status)).toEqual([500, undefined]);
  });

  it('retries on 429 honouring retry-after before succeeding on the same target', async () => {
    primary.failNext({ status: 429, headers: { 'retry-after': '1' }, body: { error: { message: 'slow down', type: 'rate_limit' } } });
    const started = Date.now();
    const { data, response } = await ask(client({ provider: '@primary', retry: { attempts: 2, use_retry_after_header: true } }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(data.choices[0]!.message.content).toBe('echo: hello');
    expect(primary.received).toHaveLength(2);
    expect(response.headers.get('x-switchyard-retry-count')).toBe('1');
  });

  it('falls back when the first target does not start answering within request_timeout', async () => {
    primary.failNext({ delayMs: 2_000 });
    const started = Date.now();
    const { data } = await ask(client({ strategy: { mode: 'fallback' }, request_timeout: 300, targets: [{ provider: '@primary' }, { provider: '@backup' }] }));
    expect(data.choices[0]!.message.content).toBe('echo: hello');
    expect(Date.now() - started).toBeLessThan(1_900);
    expect(gateway.records[0]!.attempts?.[0]).toMatchObject({ status: 408 });
  });

  it('falls back when a stream sends its headers but no first chunk within request_timeout (first-token timeout)', async () => {
    primary.failNext({ stallAfterHeaders: true });
    const started = Date.now();
    const config = { strategy: { mode: 'fallback' }, request_timeout: 300, targets: [{ provider: '@primary' }, { provider: '@backup' }] };
    let text = '';
    for await (const chunk of await client(config).chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'first token please' }], stream: true })) {
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe('echo: first token please');
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(gateway.records.at(-1)!.attempts?.[0]).toMatchObject({ status: 408 });
    await primary.waitForClientClose();
  });

  it('falls back on a stream that fails before its first byte, but never after', async () => {
    primary.failNext({ status: 503, body: { error: { message: 'unavailable', type: 'server_error' } } });
    const config = { strategy: { mode: 'fallback' }, targets: [{ provider: '@primary' }, { provider: '@backup' }] };
    let text = '';
    for await (const chunk of await client(config).chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'streamed hello' }], stream: true })) {
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe('echo: streamed hello');
    expect(backup.received).toHaveLength(1);

    primary.failNext({ cutAfterEvents: 2 });
    const cut = await (async () => {
      for await (const _chunk of await client(config).chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'cut me off please' }], stream: true })) {
        // consume
      }
    })().catch((error: unknown) => error);
    expect(cut).toBeInstanceOf(Error);
    expect(backup.received).toHaveLength(1);
  });

  it('balances load by weight', async () => {
    const openai = client({ strategy: { mode: 'loadbalance' }, targets: [{ provider: '@primary', weight: 3 }, { provider: '@backup', weight: 1 }] });
    const total = 200;
    for (let index = 0; index < total; index++) await ask(openai);
    const share = primary.received.length / total;
    // 3:1 expected 0.75; four standard deviations of a binomial over 200 draws is about ±0.12.
    expect(share).toBeGreaterThan(0.63);
    expect(share).toBeLessThan(0.87);
    expect(primary.received.length + backup.received.length).toBe(total);
  });

  it('routes on metadata with a conditional config, read from Portkey headers', async () => {
    const config = {
      strategy: { mode: 'conditional', conditions: [{ query: { 'metadata.tier': { $eq: 'pro' } }, then: 'big' }], default: 'small' },
      targets: [
        { name: 'big', provider: '@primary', override_params: { model: 'gpt-4o' } },
        { name: 'small', provider: '@backup' },
      ],
    };
    const openai = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'x-portkey-config': JSON.stringify(config), 'x-portkey-metadata': '{"tier":"pro"}' } });
    const { response } = await ask(openai);
    expect((primary.received[0]!.json as { model: string }).model).toBe('gpt-4o');
    expect(response.headers.get('x-portkey-last-used-option-index')).toBe('config.targets[0]');
    await ask(new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0, defaultHeaders: { 'x-portkey-config': JSON.stringify(config), 'x-portkey-metadata': '{"tier":"free"}' } }));
    expect(backup.received).toHaveLength(1);
  });

  it('lists every attempt when all targets fail', async () => {
    primary.failNext({ status: 500, body: { error: { message: 'primary down' } } });
    backup.failNext({ status: 502, body: { error: { message: 'backup down' } } });
    const error = (await ask(client('primary-then-backup')).catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(502);
    const body = error.error as { attempts: Array<{ path: string; status: number }> };
    expect(body.attempts.map((attempt) => [attempt.path, attempt.status])).toEqual([
      ['config.targets[0]', 500],
      ['config.targets[1]', 502],
    ]);
  });

  it('rejects an invalid config with a 400 naming the path, and an unknown config id with 404', async () => {
    const invalid = (await ask(client({ strategy: { mode: 'fallback' }, targets: [{ provider: '@primary', retry: { attempts: 99 } }] })).catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
    expect(invalid.status).toBe(400);
    expect(invalid.message).toMatch(/config\.targets\[0\]\.retry\.attempts/);
    const unknown = (await ask(client('no-such-config')).catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
    expect(unknown.status).toBe(404);
  });

  it('refuses a config whose custom_host is not on the allow-list', async () => {
    const error = (await ask(client({ provider: 'openai', custom_host: 'http://169.254.169.254/v1' })).catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(400);
    expect(primary.received).toHaveLength(0);
  });

  it('resolves operator aliases and applies override_params to the upstream body', async () => {
    await new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: 'unused', maxRetries: 0 }).chat.completions.create({ model: 'fast', messages: [{ role: 'user', content: 'x' }] });
    expect((backup.received[0]!.json as { model: string }).model).toBe('gpt-4o-mini');
    await ask(client({ provider: '@primary', override_params: { temperature: 0.1, max_tokens: 7 } }));
    expect(primary.received[0]!.json).toMatchObject({ temperature: 0.1, max_tokens: 7, model: 'gpt-4o-mini' });
  });
});
