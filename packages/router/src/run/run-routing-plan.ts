import { InvalidRequestError, TimeoutError, UpstreamError } from '@switchyard/core';
import { type InheritedSettings, type ResolvedTargetSpec, inheritSettings, resolveTargetSpec, rootSettings } from '../config/resolve-target-spec.js';
import type { RoutingConfig } from '../config/routing-config-schema.js';
import type { QueryContext } from '../conditions/evaluate-query.js';
import { pickConditionalTarget } from '../conditions/pick-conditional-target.js';
import type { HealthTicket, HealthTracker } from '../health/target-health.js';
import { abortableSleep } from './abortable-sleep.js';
import { AllTargetsFailedError } from './all-targets-failed-error.js';
import { createAttemptSignal } from './attempt-signal.js';
import { fullJitterDelay } from './backoff-delay.js';
import { type AttemptFailure, classifyAttemptError, shouldFallBack, shouldRetry } from './classify-attempt-error.js';
import { defaultHealthKey } from './default-health-key.js';
import { retryAfterDelayMs } from './retry-after-delay.js';
import type { AttemptFunction, AttemptInfo, AttemptOutcome, RoutingRequest, RoutingSuccess, RunOptions } from './routing-types.js';
import { type LoadbalanceCandidate, selectLoadbalanceTarget } from './select-loadbalance-target.js';

/**
 * Walks the routing config for one request, calling `attempt` for each target it tries: single,
 * fallback, loadbalance and conditional strategies nested to any depth, retries with backoff,
 * request_timeout and the overall deadline, and cooled-down targets skipped. With no config, one
 * implicit target at `config` runs and the server fills in the provider.
 *
 * When every attempt fails it throws AllTargetsFailedError; when only one attempt was made it
 * rethrows that attempt's error unchanged, so a plain request keeps the upstream's error. A client
 * that leaves ends the run with its signal's reason.
 */
export function runRoutingPlan<T>(
  config: RoutingConfig | undefined,
  request: RoutingRequest,
  attempt: AttemptFunction<T>,
  options: RunOptions = {},
): Promise<RoutingSuccess<T>> {
  return new RoutingRun(request, attempt, options).execute(config ?? {});
}

/** The target failed; a fallback above may move on. */
class TargetFailed {
  constructor(readonly failure: AttemptFailure) {}
}

/** The whole run ends with this error: the client left, the deadline passed, or the gateway refused. */
class RunEnded {
  constructor(readonly error: unknown) {}
}

interface TargetSuccess<T> {
  value: T;
  target: ResolvedTargetSpec;
  retryCount: number;
}

type AttemptResult<T> = { ok: true; value: T } | { ok: false; failure: AttemptFailure };

class RoutingRun<T> {
  private readonly outcomes: AttemptOutcome[] = [];
  private attemptCount = 0;
  private lastError: unknown;
  private readonly context: QueryContext;
  private readonly health: HealthTracker | undefined;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;

  constructor(
    private readonly request: RoutingRequest,
    private readonly attempt: AttemptFunction<T>,
    private readonly options: RunOptions,
  ) {
    this.context = { metadata: request.metadata, params: request.params, url: { pathname: request.pathname } };
    this.health = options.health;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? abortableSleep;
  }

  async execute(root: RoutingConfig): Promise<RoutingSuccess<T>> {
    try {
      const success = await this.runNode(root, rootSettings, 'config');
      // Written out rather than spread: on Node 20 a key added to a spread copy gives the object a
      // new hidden class on every call (--log-maps showed one per request here).
      return { value: success.value, target: success.target, retryCount: success.retryCount, attempts: this.outcomes };
    } catch (thrown) {
      const error = thrown instanceof TargetFailed ? thrown.failure.error : thrown instanceof RunEnded ? thrown.error : thrown;
      if (this.request.signal.aborted || this.outcomes.length <= 1) throw error;
      throw new AllTargetsFailedError(this.outcomes, error);
    }
  }

  private async runNode(node: RoutingConfig, inherited: InheritedSettings, path: string): Promise<TargetSuccess<T>> {
    const settings = inheritSettings(inherited, node);
    const { strategy, targets } = node;
    if (!strategy || !targets || targets.length === 0) return this.runTarget(this.specOf(node, settings, path));
    switch (strategy.mode) {
      case 'single':
        // Portkey's single mode uses the first target.
        return this.runNode(targets[0]!, settings, childPath(path, 0));
      case 'conditional': {
        const index = pickConditionalTarget(strategy, targets, this.context);
        if (index === undefined) {
          throw new RunEnded(
            new InvalidRequestError(`No condition of ${path}.strategy matched the request and it names no default target.`, {
              param: 'x-switchyard-config',
              code: 'no_matching_condition',
            }),
          );
        }
        return this.runNode(targets[index]!, settings, childPath(path, index));
      }
      case 'loadbalance': {
        // As in Portkey, one pick per request: a failure goes up to the strategy above (a fallback, say).
        const candidates = targets.map((target, index) => this.candidateOf(target, settings, childPath(path, index)));
        const index = selectLoadbalanceTarget(candidates, strategy.policy ?? 'weighted', this.random);
        return this.runNode(targets[index]!, settings, childPath(path, index));
      }
      case 'fallback': {
        const onStatusCodes = strategy.on_status_codes ?? node.on_status_codes;
        let lastFailure: TargetFailed | undefined;
        for (const index of this.fallbackOrder(targets, settings, path)) {
          try {
            return await this.runNode(targets[index]!, settings, childPath(path, index));
          } catch (thrown) {
            if (!(thrown instanceof TargetFailed) || !shouldFallBack(thrown.failure, onStatusCodes)) throw thrown;
            lastFailure = thrown;
          }
        }
        throw lastFailure!;
      }
      default:
        throw new RunEnded(new InvalidRequestError(`${path}.strategy.mode is not a known mode.`, { param: 'x-switchyard-config' }));
    }
  }

  /** One target: the first try, then its retries. */
  private async runTarget(target: ResolvedTargetSpec): Promise<TargetSuccess<T>> {
    for (let retryCount = 0; ; retryCount++) {
      this.ensureCanStart();
      const result = await this.runAttempt(target, retryCount);
      if (result.ok) return { value: result.value, target, retryCount };
      const { failure } = result;
      if (!failure.fromTarget) throw new RunEnded(failure.error);
      if (retryCount >= target.retry.attempts || !shouldRetry(failure, target.retry.onStatusCodes)) throw new TargetFailed(failure);
      const delay = this.retryDelay(failure, target, retryCount);
      // A retry that could only start after the deadline is not worth the wait; a fallback may still run now.
      const deadline = this.request.deadlineMs;
      if (deadline !== undefined && this.now() + delay >= deadline) throw new TargetFailed(failure);
      if (this.attemptCount >= this.maxAttempts()) throw new TargetFailed(failure);
      try {
        await this.sleep(delay, this.request.signal);
      } catch (error) {
        if (this.request.signal.aborted) throw new RunEnded(this.clientAbortReason());
        throw error;
      }
    }
  }

  private ensureCanStart(): void {
    if (this.request.signal.aborted) throw new RunEnded(this.clientAbortReason());
    const deadline = this.request.deadlineMs;
    if (deadline !== undefined && this.now() >= deadline) throw new RunEnded(deadlineError());
    if (this.attemptCount >= this.maxAttempts()) throw new RunEnded(this.lastError);
  }

  private async runAttempt(target: ResolvedTargetSpec, retryCount: number): Promise<AttemptResult<T>> {
    const attemptNumber = this.attemptCount++;
    const started = this.now();
    const ticket: HealthTicket | undefined = target.healthKey === undefined ? undefined : this.health?.begin(target.healthKey);
    const deadline = this.request.deadlineMs;
    const control = createAttemptSignal({
      clientSignal: this.request.signal,
      requestTimeoutMs: target.requestTimeoutMs,
      deadlineInMs: deadline === undefined ? undefined : deadline - started,
      requestTimeoutReason: () => requestTimeoutError(target),
      deadlineReason: deadlineError,
    });
    let firstByteSeen = false;
    const info: AttemptInfo = {
      attemptNumber,
      retryCount,
      signal: control.signal,
      path: target.path,
      reportFirstByte: () => {
        if (firstByteSeen) return;
        firstByteSeen = true;
        control.stopRequestTimeout();
        ticket?.firstByte(this.now() - started);
      },
    };
    try {
      const pending = Promise.resolve().then(() => this.attempt(target, info));
      // An attempt abandoned on timeout may still reject later; that must not surface as unhandled.
      pending.catch(() => {});
      const value = await Promise.race([pending, control.aborted]);
      control.settle('success');
      if (!firstByteSeen) ticket?.firstByte(this.now() - started);
      ticket?.end('success');
      this.outcomes.push(outcomeOf(target, retryCount, this.now() - started));
      return { ok: true, value };
    } catch (thrown) {
      control.settle('failure');
      const cause = control.cause();
      // Our own abort reasons win over whatever the attempt made of the abort.
      const error = cause === 'client' ? this.clientAbortReason() : cause ? control.signal.reason : thrown;
      const failure = classifyAttemptError(error);
      // Neither the client leaving nor the run's deadline says anything about the target.
      ticket?.end(cause === 'client' || cause === 'deadline' ? 'neutral' : failure.health);
      this.outcomes.push(outcomeOf(target, retryCount, this.now() - started, failure));
      this.lastError = error;
      if (cause === 'client' || cause === 'deadline') throw new RunEnded(error);
      return { ok: false, failure };
    }
  }

  private retryDelay(failure: AttemptFailure, target: ResolvedTargetSpec, retryIndex: number): number {
    if (target.retry.useRetryAfterHeader && UpstreamError.isInstance(failure.error)) {
      const asked = retryAfterDelayMs(failure.error.headers, this.now());
      if (asked !== undefined) return Math.min(asked, this.options.retryAfterCapMs ?? 30_000);
    }
    return fullJitterDelay(retryIndex, this.options.backoffBaseMs ?? 200, this.options.backoffCapMs ?? 8_000, this.random);
  }

  private maxAttempts(): number {
    return Math.max(1, this.options.maxAttempts ?? 100);
  }

  private clientAbortReason(): unknown {
    return this.request.signal.reason ?? new DOMException('The client went away.', 'AbortError');
  }

  private specOf(leaf: RoutingConfig, settings: InheritedSettings, path: string): ResolvedTargetSpec {
    const spec = resolveTargetSpec(leaf, settings, path);
    const key = this.options.healthKey ? this.options.healthKey(spec, this.request) : defaultHealthKey(spec, this.request.params);
    if (key !== undefined) spec.healthKey = key;
    return spec;
  }

  /** Fallback order: children not cooling down, in order; all of them when all are (never fail closed). */
  private fallbackOrder(targets: readonly RoutingConfig[], settings: InheritedSettings, path: string): number[] {
    const all = targets.map((_, index) => index);
    if (!this.health) return all;
    const available = all.filter((index) => this.isAvailable(targets[index]!, settings, childPath(path, index)));
    return available.length > 0 ? available : all;
  }

  /** A target is available when it is not cooling down; a group when one of its targets is. */
  private isAvailable(node: RoutingConfig, inherited: InheritedSettings, path: string): boolean {
    const health = this.health;
    if (!health) return true;
    const settings = inheritSettings(inherited, node);
    const { strategy, targets } = node;
    if (!strategy || !targets || targets.length === 0) {
      const key = this.specOf(node, settings, path).healthKey;
      return key === undefined || health.isAvailable(key);
    }
    // Which branch a conditional takes depends on the request; Portkey's breaker skips them too.
    if (strategy.mode === 'conditional') return true;
    if (strategy.mode === 'single') return this.isAvailable(targets[0]!, settings, childPath(path, 0));
    return targets.some(
      (target, index) => (strategy.mode !== 'loadbalance' || (target.weight ?? 1) > 0) && this.isAvailable(target, settings, childPath(path, index)),
    );
  }

  private candidateOf(node: RoutingConfig, inherited: InheritedSettings, path: string): LoadbalanceCandidate {
    const candidate: LoadbalanceCandidate = { weight: node.weight ?? 1, available: this.isAvailable(node, inherited, path), inFlight: 0 };
    const health = this.health;
    if (!health) return candidate;
    // A group is as busy as all its targets together and as fast as its fastest one.
    for (const key of this.leafKeys(node, inherited, path)) {
      candidate.inFlight += health.inFlight(key);
      const latency = health.latencyMs(key);
      if (latency !== undefined && (candidate.latencyMs === undefined || latency < candidate.latencyMs)) candidate.latencyMs = latency;
    }
    return candidate;
  }

  private leafKeys(node: RoutingConfig, inherited: InheritedSettings, path: string): string[] {
    const settings = inheritSettings(inherited, node);
    if (!node.strategy || !node.targets || node.targets.length === 0) {
      const key = this.specOf(node, settings, path).healthKey;
      return key === undefined ? [] : [key];
    }
    return node.targets.flatMap((target, index) => this.leafKeys(target, settings, childPath(path, index)));
  }
}

function childPath(path: string, index: number): string {
  return `${path}.targets[${index}]`;
}

function outcomeOf(target: ResolvedTargetSpec, retry: number, durationMs: number, failure?: AttemptFailure): AttemptOutcome {
  const outcome: AttemptOutcome = { path: target.path, durationMs, retry };
  if (target.provider !== undefined) outcome.provider = target.provider;
  if (failure) {
    if (failure.status !== undefined) outcome.status = failure.status;
    outcome.kind = failure.kind;
    outcome.message = failure.message;
  }
  return outcome;
}

// Portkey answers a passed request_timeout with 408, which configs list in on_status_codes.
function requestTimeoutError(target: ResolvedTargetSpec): TimeoutError {
  const who = target.provider ?? 'The target';
  return new TimeoutError(`${who} did not start answering within the request_timeout of ${target.requestTimeoutMs} ms.`, {
    status: 408,
    retryable: true,
    code: 'request_timeout',
    ...(target.provider === undefined ? {} : { provider: target.provider }),
  });
}

function deadlineError(): TimeoutError {
  return new TimeoutError('The request did not complete within its deadline.', { code: 'deadline_exceeded' });
}
