import type { ErrorKind, GuardrailVerdict, Usage, Warning, WireFormat } from '@switchyard/core';
import type { AttemptOutcome } from '@switchyard/router';

/**
 * A request as the framework-free handler sees it. For most routes the host has read the body
 * already (`body`); routes that take uploads (`bodyMode` `streamed`) get it as `bodyStream`
 * instead, read as it arrives, and `body` is then empty.
 */
export interface GatewayRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  /** The query string without its `?`, when the URL has one (list endpoints page with it). */
  query?: string;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Uint8Array;
  /**
   * The body as it arrives, for streamed routes (uploads). The host enforces its upload limit
   * while it flows: iterating past the limit throws a PayloadTooLargeError. Absent when the
   * caller had the body in hand (tests calling the handler directly): routes then use `body`.
   */
  bodyStream?: AsyncIterable<Uint8Array>;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
}

export type ResponseBody = string | Uint8Array | AsyncIterable<string | Uint8Array>;

export interface GatewayResponse {
  status: number;
  headers: Record<string, string>;
  body?: ResponseBody;
}

/** One line of the request log: what was asked, where it went, what came back. Never holds credentials. */
export interface RequestRecord {
  traceId: string;
  method: string;
  path: string;
  format?: WireFormat;
  provider?: string;
  /** The model string the client sent. */
  modelRequested?: string;
  /** The model the upstream said answered. */
  modelAnswered?: string;
  status: number;
  stream: boolean;
  passthrough: boolean;
  errorKind?: ErrorKind;
  errorMessage?: string;
  /** Milliseconds from the request reaching the handler to the first body byte leaving it. */
  firstByteMs?: number;
  totalMs: number;
  usage?: Usage;
  warnings: Warning[];
  /** The stream ended before it was complete (client went away or the upstream broke). */
  incomplete?: boolean;
  /** From `x-switchyard-metadata`. */
  metadata?: Record<string, string>;
  /** Every attempt the router made (fallbacks, retries), in order. */
  attempts?: AttemptOutcome[];
  /** Each guardrail set's outcome (input and output), with every check's verdict. */
  guardrails?: GuardrailVerdict[];
  /**
   * The gateway key the request was accepted with, never the secret: a managed key's id
   * (packages/access), or `static-` and a hash prefix of a static `apiKeys` key.
   */
  gatewayKeyId?: string;
  /** The response cache's verdict (HIT, SEMANTIC HIT, MISS, SEMANTIC MISS, REFRESH, DISABLED); absent when caching was off. */
  cacheStatus?: string;
  /** Tokens (input + output) a cache hit did not spend upstream; `usage` then holds the stored answer's usage. */
  cacheSavedTokens?: number;
  /** What those tokens would have cost (USD), when the catalog lists the model's prices. */
  cacheSavedCostUsd?: number;
  /** Cosine similarity of a semantic cache hit. */
  cacheSimilarity?: number;
  /** Epoch ms when the request reached the handler. */
  startedAt?: number;
  /** Milliseconds spent waiting on upstreams (headers and body reads), all attempts together. */
  upstreamMs?: number;
  /** The gateway's own time: total minus upstream waits (and, for streams, minus the time the client took to take each chunk). */
  overheadMs?: number;
  /** The request body and the response text, only with `captureBodies` (opt-in body logging). */
  requestBody?: Uint8Array;
  responseBody?: string | Uint8Array;
}

/** How a route takes its request body: read whole before the route runs (JSON), or streamed to it (uploads). */
export type BodyMode = 'buffered' | 'streamed';
