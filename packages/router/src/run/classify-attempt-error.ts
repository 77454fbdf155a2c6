import { type ErrorKind, GatewayError, UpstreamError, toGatewayError } from '@switchyard/core';
import type { AttemptHealth } from '../health/target-health.js';

/** What a failed attempt means for retries, fallbacks and the target's health. */
export interface AttemptFailure {
  /** What was thrown, kept to be rethrown unchanged. */
  error: unknown;
  kind: ErrorKind;
  /** The status on_status_codes are matched against; absent when no answer came. */
  status?: number;
  message: string;
  /**
   * The target failed: its upstream answered with an error, timed out or could not be reached,
   * so a retry or the next target may help. Otherwise the gateway itself refused (an unknown
   * provider, a host not allowed, a bug) and the run ends, as a gateway exception ends
   * Portkey's fallback chain.
   */
  fromTarget: boolean;
  /** No answer came at all (connection refused, reset, DNS). */
  noAnswer: boolean;
  retryable: boolean;
  /** Only upstream-side trouble counts against a target: 5xx, 429, timeouts, no answer. */
  health: AttemptHealth;
}

export function classifyAttemptError(error: unknown): AttemptFailure {
  if (!GatewayError.isInstance(error)) {
    // Hide internals: the message of an unexpected error may hold anything.
    const internal = toGatewayError(error);
    return { error, kind: internal.kind, status: internal.status, message: internal.message, fromTarget: false, noAnswer: false, retryable: false, health: 'neutral' };
  }
  const upstream = UpstreamError.isInstance(error);
  const status = upstream ? error.upstreamStatus : error.status;
  const noAnswer = upstream && status === undefined;
  const fromTarget = upstream || error.kind === 'timeout' || error.provider !== undefined;
  const upstreamTrouble = noAnswer || error.kind === 'timeout' || status === 429 || (status !== undefined && status >= 500);
  const failure: AttemptFailure = {
    error,
    kind: error.kind,
    message: error.message,
    fromTarget,
    noAnswer,
    retryable: error.retryable,
    health: fromTarget && upstreamTrouble ? 'failure' : 'neutral',
  };
  if (status !== undefined) failure.status = status;
  return failure;
}

/** Retry the same target: the status is listed, or no answer came and the error says a retry may help. */
export function shouldRetry(failure: AttemptFailure, onStatusCodes: readonly number[]): boolean {
  if (!failure.fromTarget) return false;
  if (failure.status !== undefined) return onStatusCodes.includes(failure.status);
  return failure.noAnswer && failure.retryable;
}

/**
 * Move on to the next fallback target. Without on_status_codes any failure of the target does, as
 * Portkey documents ("any non-2xx status"); with them, only those statuses, and failures with no
 * answer at all (nothing to match, and the target is plainly unreachable).
 */
export function shouldFallBack(failure: AttemptFailure, onStatusCodes: readonly number[] | undefined): boolean {
  if (!failure.fromTarget) return false;
  if (onStatusCodes === undefined || failure.status === undefined) return true;
  return onStatusCodes.includes(failure.status);
}
