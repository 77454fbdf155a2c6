import type { ResolvedTargetSpec } from '../config/resolve-target-spec.js';
import type { HealthTracker } from '../health/target-health.js';

/** What the router needs of a request: never the body bytes, only what conditions read. */
export interface RoutingRequest {
  /** From the metadata header, for `metadata.<key>` conditions. */
  metadata: Record<string, string>;
  /** The parsed request body, for `params.<key>` conditions. */
  params: Record<string, unknown>;
  /** For `url.pathname` conditions. */
  pathname: string;
  /** The client's: aborting it ends the run and the attempt in flight. */
  signal: AbortSignal;
  /** When the whole run must be over, in the clock of `RunOptions.now` (epoch ms by default). */
  deadlineMs?: number;
}

export interface AttemptInfo {
  /** 0-based over the whole run. */
  attemptNumber: number;
  /** 0 for the first try of this target, then 1, 2, … for its retries. */
  retryCount: number;
  /** Aborted by the target's request_timeout, the overall deadline or the client. */
  signal: AbortSignal;
  path: string;
  /**
   * Call when the upstream's answer starts (response head, or first stream chunk). It feeds the
   * latency average and ends the request_timeout, which, as in Portkey, limits the wait for the
   * answer to begin, not how long a stream may last.
   */
  reportFirstByte(): void;
}

/**
 * Calls one target. Resolves with whatever the server needs; throws a GatewayError on failure
 * (an UpstreamError for the upstream's answers). Anything else thrown is taken as a bug and ends the run.
 */
export type AttemptFunction<T> = (target: ResolvedTargetSpec, info: AttemptInfo) => Promise<T>;

/** One attempt, for logs and error bodies. No `kind` means it succeeded. */
export interface AttemptOutcome {
  path: string;
  provider?: string;
  /** The upstream's status (408 for request_timeout); absent on success and when no answer came. */
  status?: number;
  kind?: string;
  message?: string;
  durationMs: number;
  /** Which retry of its target this was (0: the first try). */
  retry: number;
}

export interface RoutingSuccess<T> {
  value: T;
  target: ResolvedTargetSpec;
  attempts: AttemptOutcome[];
  /** Retries of the winning target before it succeeded. */
  retryCount: number;
}

export interface RunOptions {
  /** Shared across requests; without it nothing is skipped and least-busy/least-latency degrade to weights. */
  health?: HealthTracker;
  /** The health key of a target (default: provider, custom host and model, joined). */
  healthKey?: (target: ResolvedTargetSpec, request: RoutingRequest) => string | undefined;
  random?: () => number;
  now?: () => number;
  /** Waits between retries; must reject with the signal's reason when it aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Backoff before retry n (0-based) is random() * min(cap, base * 2^n). Defaults 200 ms and 8 s. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Longest wait a retry-after header may ask for (default 30 s). */
  retryAfterCapMs?: number;
  /** Attempts in one run, all targets and retries together (default 100): a guard against fan-out. */
  maxAttempts?: number;
}
