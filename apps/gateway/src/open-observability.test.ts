import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemorySpanExporter } from '@switchyard/observability/testing';
import { buildCatalog } from './build-catalog.js';
import { parseConfig } from './load-config.js';
import { openObservability } from './open-observability.js';

const folder = mkdtempSync(join(tmpdir(), 'switchyard-open-observability-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function observerOf(raw: Record<string, unknown>, spanExporter?: ReturnType<typeof createMemorySpanExporter>) {
  const config = parseConfig(raw, {});
  const opened = await openObservability(config, buildCatalog([], config, {}), { cwd: folder, spanExporter });
  await opened.close();
  return opened.handler.observer;
}

describe('openObservability', () => {
  it('gives the handler no observer when the log, metrics and tracing are all off', async () => {
    expect(await observerOf({ logs: { store: 'off' }, metrics: { enabled: false } })).toBeUndefined();
  });

  it('observes requests when any one of them is on', async () => {
    expect(await observerOf({ logs: { store: 'memory' }, metrics: { enabled: false } })).toBeDefined();
    expect(await observerOf({ logs: { store: 'off' }, metrics: { enabled: true } })).toBeDefined();
    const tracing = await observerOf({ logs: { store: 'off' }, metrics: { enabled: false }, tracing: { otlpEndpoint: 'http://127.0.0.1:4318' } }, createMemorySpanExporter());
    // Traced: the observation carries the hook that puts `traceparent` on upstream calls, in the request's own trace.
    const observation = tracing!.begin({ method: 'POST', path: '/v1/chat/completions', headers: {} } as never, Date.now(), '019ac3f2-7d1b-7a3c-9e21-5f0c2b7d9a11');
    expect(observation?.upstreamCall?.({ provider: 'openai', method: 'POST', url: 'http://127.0.0.1/v1/chat/completions' })?.headers?.traceparent).toMatch(/^00-019ac3f27d1b7a3c9e215f0c2b7d9a11-[0-9a-f]{16}-01$/);
  });
});
