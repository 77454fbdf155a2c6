import type { ChatOperations, WireFormat } from '@switchyard/core';
import type { ResolvedTargetSpec } from '@switchyard/router';
import type { GatewayRequest, RequestRecord } from './gateway-types.js';
import type { ResolvedTarget } from './resolve-target.js';

/** What an interceptor learns about one chat attempt. */
export interface ChatAttemptInfo {
  /** The client's request (lower-cased headers, raw body) — for per-request opt-ins such as cache headers. */
  request: GatewayRequest;
  /** The public format the client speaks. */
  format: WireFormat;
  /** The provider instance and model this attempt calls. */
  target: ResolvedTarget;
  /**
   * The routing-config target behind this attempt. Portkey's per-config keys the router does not
   * act on — `cache`, `input_guardrails`, `output_guardrails`, `before_request_hooks`,
   * `after_request_hooks` — arrive inherited in `spec.extra`.
   */
  spec: ResolvedTargetSpec;
  /** The request's log record (cache status, guardrail verdicts, …). */
  record: RequestRecord;
  /** Adds a header to the response the client gets (`x-switchyard-cache-status`). */
  setHeader(name: string, value: string): void;
}

/**
 * A gateway feature that sits around the provider call — caching, guardrails — and works on
 * canonical data, so one implementation serves every client format and every provider. An
 * attempt any interceptor applies to is always translated, never passed through as bytes: the
 * interceptor sees the canonical request and the canonical answer (or stream events), and the
 * client's codec encodes what it returns.
 *
 * Interceptors wrap in list order: the first is outermost (it sees the request first and the
 * answer last).
 */
export interface ChatInterceptor {
  readonly name: string;
  /** Whether it acts on this attempt (a config's `cache` block, a guardrail set, a header). */
  appliesTo(info: ChatAttemptInfo): boolean;
  /**
   * Wraps the adapter's operations for this attempt. `stream` must keep the contract: resolve
   * once the answer has started (so fallback still works), with events in canonical order.
   * Errors thrown before the answer started may fall back to the next target; a GatewayError
   * with a 4xx status (a guardrail block) is reported to the client as is.
   */
  wrap(operations: ChatOperations, info: ChatAttemptInfo): ChatOperations;
}

/** The operations an attempt calls: the adapter's, wrapped by every interceptor that applies. */
export function interceptChat(operations: ChatOperations, interceptors: readonly ChatInterceptor[], info: ChatAttemptInfo): ChatOperations {
  let wrapped = operations;
  for (let index = interceptors.length - 1; index >= 0; index--) {
    const interceptor = interceptors[index]!;
    wrapped = interceptor.wrap(wrapped, info);
  }
  return wrapped;
}
