import type { ErrorKind, Usage, Warning, WireFormat } from '@switchyard/core';
import type { AttemptOutcome } from '@switchyard/router';

/** A request as the framework-free handler sees it: the host has read the body already. */
export interface GatewayRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  /** The query string without its `?`, when the URL has one (list endpoints page with it). */
  query?: string;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Uint8Array;
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
}
