import type { ProviderAdapter, ProviderSettings } from '@switchyard/core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { conformanceChecks } from './conformance-checks.js';
import { type ConformanceContext, createConformanceContext } from './conformance-context.js';
import type { ConformanceUpstream } from './conformance-upstream.js';

/** A running gateway the suite talks to over HTTP. */
export interface ConformanceGateway {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts a real gateway over the given adapters and entries. `serveGatewayForAdapters` from
 * `@switchyard/server` fits as it is; it is injected so testkit does not depend on the server.
 */
export type StartConformanceGateway = (options: {
  adapters: ProviderAdapter[];
  entries: Array<{ slug: string; adapter: string; settings: ProviderSettings }>;
}) => Promise<ConformanceGateway>;

export interface ConformanceSuiteOptions {
  adapter: ProviderAdapter;
  /** Starts the steerable mock of the adapter's provider (called once, before the checks). */
  upstream: () => Promise<ConformanceUpstream>;
  startGateway: StartConformanceGateway;
  /** The describe block's name; default `conformance: <adapter id>`. */
  name?: string;
}

/**
 * Registers the adapter conformance suite as vitest tests, one per check, named by the check:
 * the OpenAI Chat client's view of the adapter through a real gateway, against the upstream
 * mock. Checks of capabilities the adapter does not declare are registered as skipped, so the
 * report shows what was not checked and why.
 */
export function runConformanceSuite(options: ConformanceSuiteOptions): void {
  const { adapter } = options;
  const capabilities = adapter.capabilities.chat;
  const slug = `${adapter.id}-conformance`;
  describe(options.name ?? `conformance: ${adapter.id}`, () => {
    let upstream: ConformanceUpstream | undefined;
    let gateway: ConformanceGateway | undefined;
    let context: ConformanceContext;

    beforeAll(async () => {
      upstream = await options.upstream();
      gateway = await options.startGateway({ adapters: [adapter], entries: [{ slug, adapter: adapter.id, settings: upstream.settings }] });
      context = createConformanceContext(adapter, upstream, gateway.url, slug);
    });
    afterAll(async () => {
      // The upstream first: a call an adapter failed to abort would keep the gateway's shutdown waiting.
      await upstream?.close();
      await gateway?.close();
    });

    for (const check of conformanceChecks) {
      const missing = capabilities ? (check.requires ?? []).filter((capability) => !capabilities[capability]) : ['chat'];
      // A check for a capability the adapter does not declare cannot apply: it is listed as skipped,
      // with the missing capability in its name, so the report still shows every check by name.
      if (missing.length > 0) it.skip(`${check.name} (not declared: ${missing.join(', ')})`, () => {});
      else it(check.name, () => check.run(context));
    }
  });
}
