import { HttpClient } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createTestCallContext } from './test-call-context.js';

describe('createTestCallContext', () => {
  it('builds the context of one call, keeping the warnings the adapter reports', async () => {
    const call = createTestCallContext({ settings: { apiKey: 'k' }, requestHeaders: { 'anthropic-beta': 'x' } });
    expect(call.context).toMatchObject({ settings: { apiKey: 'k' }, requestHeaders: { 'anthropic-beta': 'x' } });
    expect(call.context.http).toBeInstanceOf(HttpClient);
    expect(call.context.signal.aborted).toBe(false);
    call.context.warn({ type: 'unsupported-field', field: 'seed', message: 'dropped' });
    expect(call.warnings).toEqual([{ type: 'unsupported-field', field: 'seed', message: 'dropped' }]);
    await call.close();
  });

  it('uses a transport given instead of its own', async () => {
    const http = { request: async () => Promise.reject(new Error('no network')) };
    const call = createTestCallContext({ settings: {}, http });
    expect(call.context.http).toBe(http);
    expect(call.context.requestHeaders).toEqual({});
    await call.close();
  });
});
