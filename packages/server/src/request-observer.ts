import type { GatewayRequest, RequestRecord } from './gateway-types.js';

/**
 * Hooks the gateway app gives the handler for traces: called when a request starts, and around
 * each upstream call it makes (an attempt), so a span can wrap the call and its `traceparent`
 * reach the provider. The server stays free of any tracing library.
 */
export interface RequestObserver {
  /** `traceId` is the request's own (`x-switchyard-trace-id`), which a new trace may take as its id. */
  begin(request: GatewayRequest, startedAt: number, traceId: string): RequestObservationHooks | undefined;
}

export interface RequestObservationHooks {
  /** Headers to add to this upstream call (`traceparent`), and a callback when it has ended. */
  upstreamCall?(call: { provider: string; method: string; url: string }): { headers?: Record<string, string>; end(outcome: { status?: number; error?: unknown }): void };
  /** The request's response is complete (a stream's last byte, or its abandonment); called before `onRequestComplete`. */
  complete?(record: RequestRecord): void;
}
