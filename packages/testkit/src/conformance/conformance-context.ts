import type { ProviderAdapter } from '@switchyard/core';
import type { ConformanceScenario, ConformanceUpstream } from './conformance-upstream.js';
import type { ReceivedRequest } from '../mock-server.js';

/** What each check is given: the running upstream, and a way to send one scripted call through the gateway. */
export interface ConformanceContext {
  adapter: ProviderAdapter;
  upstream: ConformanceUpstream;
  gatewayURL: string;
  /** The model string the client sends: `@<entry slug>/<upstream model>`. */
  model: string;
  /** The entry slug the gateway routes to. */
  slug: string;
  /** Programs `scenario`, posts `body` to /v1/chat/completions, and returns the answer with the upstream requests it caused. */
  call(scenario: ConformanceScenario, body: Record<string, unknown>, init?: { signal?: AbortSignal }): Promise<ConformanceCall>;
}

export interface ConformanceCall {
  response: Response;
  /** The requests the upstream received during this call. */
  upstreamRequests: ReceivedRequest[];
}

export function createConformanceContext(adapter: ProviderAdapter, upstream: ConformanceUpstream, gatewayURL: string, slug: string): ConformanceContext {
  const model = `@${slug}/${upstream.model}`;
  return {
    adapter,
    upstream,
    gatewayURL,
    model,
    slug,
    async call(scenario, body, init = {}) {
      const before = upstream.received.length;
      upstream.program(scenario);
      const response = await fetch(`${gatewayURL}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model, ...body }),
        signal: init.signal,
      });
      // The body is read by the check; the upstream requests are known once the status is.
      return { response, upstreamRequests: upstream.received.slice(before) };
    },
  };
}
