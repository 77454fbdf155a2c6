/**
 * One counter a request is checked against. `sliding`: a sliding-window counter over `windowMs`
 * (the current fixed window plus the previous one weighted by how much of it still overlaps);
 * `fixed`: one bucket for the whole of `windowMs` (a calendar period, whose name is in `key`);
 * `concurrency`: leases in flight, each expiring after `windowMs` so a dead instance frees them.
 */
export interface CounterCheck {
  key: string;
  kind: 'sliding' | 'fixed' | 'concurrency';
  /** Infinity for counters that are only counted (soft budgets). */
  limit: number;
  /** What this request adds now (1 request, the token estimate, the cost estimate in micro-USD). */
  cost: number;
  windowMs: number;
}

export type ReserveResult =
  | {
      allowed: true;
      /** Per check, the bucket the cost went into, so settling adjusts the same one. */
      buckets: string[];
      remaining: number[];
      resetMs: number[];
    }
  | { allowed: false; /** Index of the first check that refused. */ index: number; remaining: number; resetMs: number };

export interface Settlement {
  bucket: string;
  /** Actual minus reserved (negative gives back what was not used). */
  delta: number;
  /** Lifetime of the bucket when the settle has to create it (nothing was reserved in it). */
  ttlMs: number;
}

/**
 * The hot counters: atomic across every gateway that shares the store. Redis when several
 * instances run; memory otherwise.
 */
export interface CounterStore {
  /** Checks every counter and, only when all allow, adds each cost — in one atomic step. */
  reserve(checks: CounterCheck[], leaseId: string): Promise<ReserveResult>;
  /** Applies each delta to its bucket and drops the lease from the concurrency counters; returns each bucket's new value. */
  settle(settlements: Settlement[], concurrencyKeys: string[], leaseId: string): Promise<number[]>;
  close(): Promise<void>;
}
