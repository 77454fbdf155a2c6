import { FailureWindow } from './failure-window.js';

/** closed: in use. open: cooling down, skipped. half-open: cooled down, one probe may go. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** What an attempt says about its target: upstream-side failures count, client errors are neutral. */
export type AttemptHealth = 'success' | 'failure' | 'neutral';

export interface HealthTrackerOptions {
  /** Consecutive failures that open the circuit (default 3). */
  failureThreshold?: number;
  /** Failure share over the window that opens it (default 0.5)… */
  failureRateThreshold?: number;
  /** …once the window holds at least this many calls (default 10). */
  minimumCalls?: number;
  /** Width of the sliding window (default 60 s). */
  windowMs?: number;
  /** How long an open circuit stays open before a probe (default 30 s). */
  cooldownMs?: number;
  /** Weight of the newest time-to-first-byte sample in the moving average (default 0.3). */
  latencySmoothing?: number;
  /** Targets remembered; the least recently used idle one is forgotten beyond it (default 10,000). */
  maxKeys?: number;
  now?: () => number;
}

/** One attempt's hold on its target's record: report the first byte, then end it exactly once. */
export interface HealthTicket {
  /** Time from the attempt's start to the upstream's first byte, for the latency average. */
  firstByte(elapsedMs: number): void;
  end(result: AttemptHealth): void;
}

export interface TargetHealthSnapshot {
  state: CircuitState;
  consecutiveFailures: number;
  calls: number;
  failures: number;
  inFlight: number;
  latencyMs?: number;
}

interface TargetRecord {
  openUntil?: number;
  probeInFlight: boolean;
  consecutiveFailures: number;
  window: FailureWindow;
  inFlight: number;
  latencyMs?: number;
}

/**
 * Circuit breaking and load figures per target key (the server passes provider slug + custom host
 * + model). Opens on N consecutive failures or a failure rate over a sliding window, stays open
 * for the cooldown, then lets one probe through: success closes it, failure opens it again.
 * Also counts attempts in flight and averages time to first byte, for least-busy / least-latency.
 */
export class HealthTracker {
  private readonly records = new Map<string, TargetRecord>();
  private readonly failureThreshold: number;
  private readonly failureRateThreshold: number;
  private readonly minimumCalls: number;
  private readonly windowMs: number;
  private readonly cooldownMs: number;
  private readonly latencySmoothing: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: HealthTrackerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? 3;
    this.failureRateThreshold = options.failureRateThreshold ?? 0.5;
    this.minimumCalls = options.minimumCalls ?? 10;
    this.windowMs = options.windowMs ?? 60_000;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.latencySmoothing = options.latencySmoothing ?? 0.3;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  state(key: string): CircuitState {
    const record = this.records.get(key);
    return record ? this.stateOf(record) : 'closed';
  }

  /** Closed, or half-open with no probe out yet. */
  isAvailable(key: string): boolean {
    const record = this.records.get(key);
    if (!record) return true;
    const state = this.stateOf(record);
    return state === 'closed' || (state === 'half-open' && !record.probeInFlight);
  }

  inFlight(key: string): number {
    return this.records.get(key)?.inFlight ?? 0;
  }

  /** Moving average of time to first byte, or undefined before the first sample. */
  latencyMs(key: string): number | undefined {
    return this.records.get(key)?.latencyMs;
  }

  snapshot(key: string): TargetHealthSnapshot {
    const record = this.records.get(key);
    if (!record) return { state: 'closed', consecutiveFailures: 0, calls: 0, failures: 0, inFlight: 0 };
    const { calls, failures } = record.window.totals(this.now());
    const snapshot: TargetHealthSnapshot = {
      state: this.stateOf(record),
      consecutiveFailures: record.consecutiveFailures,
      calls,
      failures,
      inFlight: record.inFlight,
    };
    if (record.latencyMs !== undefined) snapshot.latencyMs = record.latencyMs;
    return snapshot;
  }

  /** Every target remembered, with its figures (the admin API's provider health). */
  list(): Array<{ key: string } & TargetHealthSnapshot> {
    return [...this.records.keys()].map((key) => ({ key, ...this.snapshot(key) }));
  }

  /** Starts an attempt on the target; in half-open state the first one to start is the probe. */
  begin(key: string): HealthTicket {
    const record = this.touch(key);
    record.inFlight += 1;
    const probe = this.stateOf(record) === 'half-open' && !record.probeInFlight;
    if (probe) record.probeInFlight = true;
    let ended = false;
    return {
      firstByte: (elapsedMs) => {
        if (!ended) this.recordLatency(record, elapsedMs);
      },
      end: (result) => {
        if (ended) return;
        ended = true;
        record.inFlight -= 1;
        if (probe) record.probeInFlight = false;
        if (result === 'success') this.recordSuccess(record);
        else if (result === 'failure') this.recordFailure(record);
      },
    };
  }

  private stateOf(record: TargetRecord): CircuitState {
    if (record.openUntil === undefined) return 'closed';
    return this.now() < record.openUntil ? 'open' : 'half-open';
  }

  private recordLatency(record: TargetRecord, elapsedMs: number): void {
    if (!Number.isFinite(elapsedMs) || elapsedMs < 0) return;
    record.latencyMs = record.latencyMs === undefined ? elapsedMs : record.latencyMs + this.latencySmoothing * (elapsedMs - record.latencyMs);
  }

  private recordSuccess(record: TargetRecord): void {
    const state = this.stateOf(record);
    record.consecutiveFailures = 0;
    // A straggler that succeeds while the circuit is still open proves little; a success after the cooldown closes it.
    if (state === 'open') return;
    if (state === 'half-open') {
      record.openUntil = undefined;
      record.window.clear();
    }
    record.window.record(this.now(), false);
  }

  private recordFailure(record: TargetRecord): void {
    const state = this.stateOf(record);
    if (state === 'open') return;
    if (state === 'half-open') {
      this.open(record);
      return;
    }
    record.consecutiveFailures += 1;
    record.window.record(this.now(), true);
    const { calls, failures } = record.window.totals(this.now());
    const rateTripped = calls >= this.minimumCalls && failures / calls >= this.failureRateThreshold;
    if (record.consecutiveFailures >= this.failureThreshold || rateTripped) this.open(record);
  }

  private open(record: TargetRecord): void {
    record.openUntil = this.now() + this.cooldownMs;
    record.consecutiveFailures = 0;
    record.window.clear();
  }

  // Map order is recency order: a touched key moves to the end, the idle front is forgotten first.
  private touch(key: string): TargetRecord {
    let record = this.records.get(key);
    if (record) {
      this.records.delete(key);
    } else {
      record = { probeInFlight: false, consecutiveFailures: 0, window: new FailureWindow(this.windowMs), inFlight: 0 };
    }
    this.records.set(key, record);
    if (this.records.size > this.maxKeys) this.forgetIdle();
    return record;
  }

  private forgetIdle(): void {
    for (const [key, record] of this.records) {
      if (this.records.size <= this.maxKeys) return;
      if (record.inFlight === 0) this.records.delete(key);
    }
  }
}

export function createHealthTracker(options: HealthTrackerOptions = {}): HealthTracker {
  return new HealthTracker(options);
}
