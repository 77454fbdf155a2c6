import { GatewayError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { AccessLimitError } from '../src/access-errors.js';
import { createAccessControl } from '../src/access-control.js';
import { createAdminKeysApi } from '../src/admin-keys-api.js';
import { createMemoryCounterStore } from '../src/memory-counter-store.js';
import { createMemoryKeyStore } from '../src/memory-key-store.js';
import { createRedisCounterStore } from '../src/redis-counter-store.js';

const pepper = 'test-pepper';
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

async function setup(options: Partial<Parameters<typeof createAccessControl>[0]> = {}) {
  const store = createMemoryKeyStore();
  const logs: string[] = [];
  const access = createAccessControl({
    store,
    counters: createMemoryCounterStore(),
    pepper,
    keyCacheTtlMs: 0,
    pricesOf: (_provider, model) => (model === 'gpt-4o' ? { input: 2.5, output: 10 } : undefined),
    log: (_level, message) => logs.push(message),
    ...options,
  });
  const admin = createAdminKeysApi(store, pepper, access.forget);
  const create = async (body: unknown) => {
    const response = await admin({ method: 'POST', path: '/admin/keys', body: json(body) });
    return response!.body as { id: string; key: string; prefix: string };
  };
  return { store, access, admin, create, logs };
}

const outcome = { status: 200, bytesOut: 100 };

describe('access control', () => {
  it('accepts a created key, removes it from the headers, and stores only its hash', async () => {
    const { access, create, store } = await setup();
    const { key, id, prefix } = await create({ name: 'ci' });
    expect(key).toMatch(/^sy-gk-[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(prefix)).toBe(true);
    const headers = { authorization: `Bearer ${key}`, 'x-other': '1' };
    const session = await access.authenticate(headers);
    expect(session.keyId).toBe(id);
    expect(headers).toEqual({ 'x-other': '1' });
    expect(JSON.stringify(await store.list())).not.toContain(key);
  });

  it('refuses unknown, revoked, rotated-away and expired keys with 401', async () => {
    const { access, admin, create } = await setup();
    await expect(access.authenticate({ 'x-api-key': 'sy-gk-not-a-key' })).rejects.toMatchObject({ kind: 'authentication', message: /unknown key/ });
    const revoked = await create({});
    await admin({ method: 'DELETE', path: `/admin/keys/${revoked.id}`, body: new Uint8Array() });
    await expect(access.authenticate({ 'x-api-key': revoked.key })).rejects.toMatchObject({ status: 401, message: /revoked/ });
    const rotated = await create({});
    const answer = await admin({ method: 'POST', path: `/admin/keys/${rotated.id}/rotate`, body: new Uint8Array() });
    const fresh = (answer!.body as { key: string }).key;
    await expect(access.authenticate({ 'x-switchyard-api-key': rotated.key })).rejects.toMatchObject({ status: 401 });
    expect((await access.authenticate({ 'x-switchyard-api-key': fresh })).keyId).toBe(rotated.id);
    const expired = await create({ expiresAt: '2020-01-01T00:00:00Z' });
    await expect(access.authenticate({ 'x-api-key': expired.key })).rejects.toMatchObject({ message: /expired/ });
  });

  it('allows only the models and providers the key lists, wildcards included', async () => {
    const { access, create } = await setup();
    const { key } = await create({ allowedModels: ['gpt-4o*', '@anthropic/claude-3-5-haiku'], allowedProviders: ['openai', 'anthropic', 'azure-*'] });
    const session = await access.authenticate({ 'x-api-key': key });
    expect(() => session.authorizeTarget('openai', 'gpt-4o-mini')).not.toThrow();
    expect(() => session.authorizeTarget('anthropic', 'claude-3-5-haiku')).not.toThrow();
    expect(() => session.authorizeTarget('azure-eu', 'gpt-4o')).not.toThrow();
    expect(() => session.authorizeTarget('openai', 'o3')).toThrow(/may not use the model "o3"/);
    expect(() => session.authorizeTarget('groq', 'gpt-4o')).toThrow(/may not use the provider "groq"/);
    try {
      session.authorizeTarget('openai', 'o3');
    } catch (error) {
      expect(GatewayError.isInstance(error) && error.status).toBe(403);
    }
  });

  it('limits requests per minute with retry-after and x-ratelimit headers', async () => {
    const { access, create } = await setup();
    const { key } = await create({ limits: { requestsPerMinute: 2 } });
    const session = await access.authenticate({ 'x-api-key': key });
    const first = await session.admit({ traceId: 't1', inputTokens: 10 });
    expect(first.headers).toMatchObject({ 'x-ratelimit-limit-requests': '2', 'x-ratelimit-remaining-requests': '1' });
    await session.admit({ traceId: 't2', inputTokens: 10 });
    const refused = await session.admit({ traceId: 't3', inputTokens: 10 }).catch((error) => error);
    expect(refused).toBeInstanceOf(AccessLimitError);
    expect(refused.status).toBe(429);
    expect(refused.message).toMatch(/2 requests per minute/);
    expect(Number(refused.responseHeaders['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.responseHeaders).toMatchObject({ 'x-ratelimit-limit-requests': '2', 'x-ratelimit-remaining-requests': '0' });
  });

  it('reserves estimated tokens and settles on the actual usage, per model too', async () => {
    const { access, create } = await setup();
    const { key } = await create({ limits: { tokensPerMinute: 1_000, models: { 'gpt-4o*': { outputTokensPerMinute: 300 } } } });
    const session = await access.authenticate({ 'x-api-key': key });
    const first = await session.admit({ traceId: 't1', model: 'gpt-4o', inputTokens: 100, maxOutputTokens: 200 });
    expect(first.headers['x-ratelimit-remaining-tokens']).toBe('700');
    // 200 more output would pass the key's TPM but not the model's output limit (200 + 200 > 300).
    await expect(session.admit({ traceId: 't2', model: 'gpt-4o', inputTokens: 1, maxOutputTokens: 200 })).rejects.toThrow(/key:.*:model:gpt-4o\*.*300 output tokens per minute/);
    await first.settle({ ...outcome, usage: { input: 90, output: 20, total: 110 } });
    const second = await session.admit({ traceId: 't3', model: 'gpt-4o', inputTokens: 1, maxOutputTokens: 200 });
    expect(second.headers['x-ratelimit-remaining-tokens']).toBe(String(1_000 - 110 - 201));
    // Other models are not under the model limit.
    await session.admit({ traceId: 't4', model: 'claude', inputTokens: 1, maxOutputTokens: 250 });
  });

  it('settles a stream cut before its usage arrived on what was sent, not on the full reservation', async () => {
    const { access, create } = await setup();
    const { key } = await create({ limits: { tokensPerMinute: 5_000, concurrentRequests: 1 } });
    const session = await access.authenticate({ 'x-api-key': key });
    const cut = await session.admit({ traceId: 't1', inputTokens: 100, maxOutputTokens: 4_000 });
    await expect(session.admit({ traceId: 't2', inputTokens: 1, maxOutputTokens: 1 })).rejects.toThrow(/1 concurrent requests/);
    await cut.settle({ status: 200, incomplete: true, bytesOut: 400 });
    const next = await session.admit({ traceId: 't3', inputTokens: 0, maxOutputTokens: 0 });
    expect(next.headers['x-ratelimit-remaining-tokens']).toBe(String(5_000 - 100 - 100));
  });

  it('refuses once a hard budget is spent, naming it; a soft budget only alerts', async () => {
    const { access, create, logs, store } = await setup();
    const { key } = await create({
      budgets: [
        { name: 'daily-cap', usd: 0.01, period: 'day', timezone: 'Europe/Berlin' },
        { name: 'heads-up', usd: 0.004, window: '1h', soft: true },
      ],
    });
    const session = await access.authenticate({ 'x-api-key': key });
    // gpt-4o: 1000 input tokens at $2.50/M + 500 output at $10/M = $0.0075 per call.
    const one = await session.admit({ traceId: 't1', model: 'gpt-4o', inputTokens: 1_000, maxOutputTokens: 500 });
    await one.settle({ ...outcome, modelAnswered: 'gpt-4o', usage: { input: 1_000, output: 500, total: 1_500 } });
    expect(logs.some((line) => /soft budget "heads-up"/.test(line))).toBe(true);
    expect(access.metrics.softBudgetAlerts).toBe(1);
    // A second call would reach $0.015: over the cap of $0.01.
    await expect(session.admit({ traceId: 't2', model: 'gpt-4o', inputTokens: 1_000, maxOutputTokens: 500 })).rejects.toThrow(/budget "daily-cap" .*0.01 USD per day.* is spent/);
    expect(store.ledger).toHaveLength(1);
    expect(store.ledger[0]).toMatchObject({ traceId: 't1', model: 'gpt-4o', costUsd: 0.0075 });
  });

  it('applies team and organisation limits across their keys', async () => {
    const { access, create } = await setup({ teams: { search: { orgId: 'acme', limits: { requestsPerMinute: 3 } } } });
    const a = await access.authenticate({ 'x-api-key': (await create({ teamId: 'search' })).key });
    const b = await access.authenticate({ 'x-api-key': (await create({ teamId: 'search' })).key });
    await a.admit({ traceId: '1', inputTokens: 1 });
    await b.admit({ traceId: '2', inputTokens: 1 });
    await a.admit({ traceId: '3', inputTokens: 1 });
    await expect(b.admit({ traceId: '4', inputTokens: 1 })).rejects.toThrow(/team:search/);
  });

  it('fails open (counting it) or closed (503) when the limit store is unreachable', async () => {
    const down = () => createRedisCounterStore({ url: 'redis://127.0.0.1:1', commandTimeoutMs: 200 });
    const open = await setup({ counters: down(), failMode: 'open' });
    const openKey = await open.access.authenticate({ 'x-api-key': (await open.create({ limits: { requestsPerMinute: 1 } })).key });
    await openKey.admit({ traceId: '1', inputTokens: 1 });
    expect(open.access.metrics.failOpen).toBe(1);
    const closed = await setup({ counters: down(), failMode: 'closed' });
    const closedKey = await closed.access.authenticate({ 'x-api-key': (await closed.create({ limits: { requestsPerMinute: 1 } })).key });
    await expect(closedKey.admit({ traceId: '1', inputTokens: 1 })).rejects.toMatchObject({ status: 503, code: 'rate_limit_store_unavailable' });
    await open.access.close();
    await closed.access.close();
  });

  it('rejects bad admin input naming the field', async () => {
    const { admin } = await setup();
    await expect(admin({ method: 'POST', path: '/admin/keys', body: json({ limits: { rpm: 3 } }) })).rejects.toMatchObject({ status: 400, param: 'limits.rpm' });
    await expect(admin({ method: 'POST', path: '/admin/keys', body: json({ budgets: [{ name: 'x', usd: 1, period: 'month', timezone: 'Mars/Base' }] }) })).rejects.toThrow(
      /budgets\[0\].timezone: "Mars\/Base" is not an IANA timezone/,
    );
    await expect(admin({ method: 'GET', path: '/admin/keys/key_nope', body: new Uint8Array() })).rejects.toMatchObject({ status: 404 });
  });
});
