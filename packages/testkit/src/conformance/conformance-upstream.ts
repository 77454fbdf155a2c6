import type { ProviderSettings } from '@switchyard/core';
import type { ReceivedRequest } from '../mock-server.js';

/** A tool the suite offers; the upstream calls it with each required parameter set to its own name. */
export interface ConformanceTool {
  name: string;
  required: string[];
}

/**
 * What the upstream answers to the suite's next request. The suite programs the scenario, then
 * sends one request through the gateway whose content matches it (the prompt in `prompt`, the
 * tools in `tools`, the `max_tokens` in `maxTokens`), and checks the client's answer against it.
 */
export type ConformanceScenario =
  | {
      kind: 'text';
      stream: boolean;
      prompt: string;
      /** The exact answer text: `echo: <prompt>`, cut to `maxTokens` words when set. */
      reply: string;
      maxTokens?: number;
      finishReason: 'stop' | 'length';
    }
  | {
      kind: 'tool-calls';
      stream: boolean;
      prompt: string;
      tools: ConformanceTool[];
      /** Called in order; arguments map each required parameter to its own name (`{ city: 'city' }`). */
      calls: Array<{ name: string; arguments: Record<string, string> }>;
    }
  /** The upstream refuses with this HTTP status, with an error body in its own format. */
  | { kind: 'error'; stream: boolean; prompt: string; status: 400 | 429 | 500 }
  /** The upstream accepts the call (streams start with 200 and headers) and then sends nothing until the client goes away. */
  | { kind: 'hang'; stream: boolean; prompt: string };

/**
 * A mock of the adapter's provider that the conformance suite can steer, one scenario per
 * request. testkit's mocks and the generic OpenAI-compatible one come ready-made
 * (`mockConformanceUpstream`, `openAICompatibleConformanceUpstream`); an adapter for another
 * provider brings its own.
 */
export interface ConformanceUpstream {
  /** The mock's origin, `http://127.0.0.1:<port>`. */
  url: string;
  /** The settings of the gateway's provider entry for this upstream: base URL, credentials, options. */
  settings: ProviderSettings;
  /** The model id the suite asks for. */
  model: string;
  /** Sets how the next request is answered. */
  program(scenario: ConformanceScenario): void;
  /** Every request received so far, in order; `aborted` turns true when the adapter closed one early. */
  received: ReceivedRequest[];
  close(): Promise<void>;
}
