export type AttemptAbortCause = 'client' | 'request-timeout' | 'deadline';

export interface AttemptSignalOptions {
  clientSignal: AbortSignal;
  requestTimeoutMs?: number;
  /** Time left until the run's overall deadline. */
  deadlineInMs?: number;
  requestTimeoutReason: () => unknown;
  deadlineReason: () => unknown;
}

/** The signal one attempt gets, and why it aborted. */
export interface AttemptSignal {
  readonly signal: AbortSignal;
  cause(): AttemptAbortCause | undefined;
  /** Rejects with the abort reason when the signal aborts, so an attempt that ignores its signal cannot hang the run. */
  readonly aborted: Promise<never>;
  /** The answer began: request_timeout no longer applies. */
  stopRequestTimeout(): void;
  /**
   * The attempt is over: timers stop. After a success the client link stays, so a client that
   * leaves still aborts the stream the server is relaying; after a failure it is removed (an
   * attempt without timers has the client's own signal, which goes on following the client).
   */
  settle(outcome: 'success' | 'failure'): void;
}

export function createAttemptSignal(options: AttemptSignalOptions): AttemptSignal {
  if (options.requestTimeoutMs === undefined && options.deadlineInMs === undefined) return clientOnlyAttempt(options.clientSignal);
  const controller = new AbortController();
  let cause: AttemptAbortCause | undefined;
  const abort = (why: AttemptAbortCause, reason: unknown) => {
    if (controller.signal.aborted) return;
    cause = why;
    controller.abort(reason);
  };

  const onClientAbort = () => abort('client', options.clientSignal.reason);
  if (options.clientSignal.aborted) onClientAbort();
  else options.clientSignal.addEventListener('abort', onClientAbort, { once: true });

  let requestTimer: ReturnType<typeof setTimeout> | undefined;
  if (options.requestTimeoutMs !== undefined) {
    requestTimer = setTimeout(() => abort('request-timeout', options.requestTimeoutReason()), options.requestTimeoutMs);
  }
  let deadlineTimer: ReturnType<typeof setTimeout> | undefined;
  if (options.deadlineInMs !== undefined) {
    if (options.deadlineInMs <= 0) abort('deadline', options.deadlineReason());
    else deadlineTimer = setTimeout(() => abort('deadline', options.deadlineReason()), options.deadlineInMs);
  }

  const watch = watchAbort(controller.signal);
  return {
    signal: controller.signal,
    cause: () => cause,
    aborted: watch.aborted,
    stopRequestTimeout: () => clearTimeout(requestTimer),
    settle: (outcome) => {
      clearTimeout(requestTimer);
      clearTimeout(deadlineTimer);
      watch.stop();
      if (outcome === 'failure') options.clientSignal.removeEventListener('abort', onClientAbort);
    },
  };
}

/**
 * An attempt with neither a request timeout nor a deadline (the default) can only end early because
 * the client left: its signal is the client's own. No AbortSignal of its own, which matters because
 * on Node 20 every AbortSignal outlives its request until a full collection (each one is promoted
 * to the old generation, some 0.5 KB; measured in the README's "Memory"). A failed attempt's signal
 * then still follows the client, which only aborts what that attempt left behind.
 */
function clientOnlyAttempt(client: AbortSignal): AttemptSignal {
  let cause: AttemptAbortCause | undefined;
  const watch = watchAbort(client, () => (cause = 'client'));
  return {
    signal: client,
    cause: () => cause,
    aborted: watch.aborted,
    stopRequestTimeout: () => {},
    settle: (outcome) => {
      if (outcome === 'failure') watch.stop();
    },
  };
}

/** A promise that rejects with `signal`'s reason once it aborts (already handled, so never unhandled), until `stop`. */
function watchAbort(signal: AbortSignal, onAbort?: () => void): { aborted: Promise<never>; stop(): void } {
  let rejectAborted: ((reason: unknown) => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    rejectAborted = reject;
  });
  aborted.catch(() => {});
  const listener = () => {
    onAbort?.();
    rejectAborted?.(signal.reason);
  };
  if (signal.aborted) listener();
  else signal.addEventListener('abort', listener, { once: true });
  return { aborted, stop: () => signal.removeEventListener('abort', listener) };
}
