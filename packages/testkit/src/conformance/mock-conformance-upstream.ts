import type { ProviderSettings } from '@switchyard/core';
import type { MockServer } from '../mock-server.js';
import type { ConformanceScenario, ConformanceUpstream } from './conformance-upstream.js';

export interface MockConformanceUpstreamOptions<Mock extends MockServer & { baseURL: string }> {
  /** Starts the mock, e.g. `() => startAnthropicMock()`. */
  start: () => Promise<Mock>;
  /** The entry settings for the started mock; default `{ baseURL: mock.baseURL, apiKey: 'conformance-key' }`. */
  settings?: (mock: Mock) => ProviderSettings;
  model: string;
  /** Headers of a stream that starts and then stalls (the provider's stream content-type); default SSE. */
  streamHeaders?: Record<string, string>;
}

/**
 * A conformance upstream over one of testkit's mock servers. Those mocks answer from the request
 * alone — `echo: <last user text>`, one call per offered tool when the user says "call tools",
 * the reply cut at the request's token limit — and the suite's requests are chosen so that this
 * answer is the scenario's; so `program` only has to script what the request cannot ask for:
 * error statuses (in the provider's own error shape) and stalls.
 */
export async function mockConformanceUpstream<Mock extends MockServer & { baseURL: string }>(
  options: MockConformanceUpstreamOptions<Mock>,
): Promise<ConformanceUpstream & { mock: Mock }> {
  const mock = await options.start();
  return {
    mock,
    url: mock.url,
    settings: options.settings?.(mock) ?? { baseURL: mock.baseURL, apiKey: 'conformance-key' },
    model: options.model,
    received: mock.received,
    program(scenario: ConformanceScenario) {
      if (scenario.kind === 'error') mock.failNext({ status: scenario.status });
      if (scenario.kind === 'hang') {
        // A non-streamed call hangs before its headers; a stream after them, as a slow model does.
        mock.failNext(scenario.stream ? { stallAfterHeaders: true, headers: options.streamHeaders } : { delayMs: 60_000 });
      }
    },
    close: () => mock.close(),
  };
}
