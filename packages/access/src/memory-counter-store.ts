import type { CounterCheck, CounterStore, ReserveResult } from './counter-store.js';

/** The counters of one process, same semantics as the Redis store (for a single gateway and tests). */
export function createMemoryCounterStore(now: () => number = Date.now): CounterStore {
  const values = new Map<string, { value: number; expiresAt: number }>();
  const leases = new Map<string, Map<string, number>>();
  const read = (key: string, at: number) => {
    const entry = values.get(key);
    if (!entry || entry.expiresAt <= at) return 0;
    return entry.value;
  };
  const leasesOf = (key: string, at: number) => {
    const held = leases.get(key) ?? new Map<string, number>();
    for (const [id, expiresAt] of held) if (expiresAt <= at) held.delete(id);
    leases.set(key, held);
    return held;
  };
  return {
    async reserve(checks, leaseId) {
      const at = now();
      const plan: { bucket: string; used: number; resetMs: number; check: CounterCheck }[] = [];
      for (const [index, check] of checks.entries()) {
        let bucket = check.key;
        let used: number;
        let resetMs = check.windowMs;
        if (check.kind === 'sliding') {
          const window = Math.floor(at / check.windowMs);
          bucket = `${check.key}:${window}`;
          const elapsed = (at - window * check.windowMs) / check.windowMs;
          used = read(bucket, at) + read(`${check.key}:${window - 1}`, at) * (1 - elapsed);
          resetMs = (window + 1) * check.windowMs - at;
        } else if (check.kind === 'fixed') {
          used = read(bucket, at);
          const expiresAt = values.get(bucket)?.expiresAt;
          if (expiresAt !== undefined && expiresAt > at) resetMs = expiresAt - at;
        } else {
          used = leasesOf(bucket, at).size;
        }
        if (check.cost > 0 && used + check.cost > check.limit) {
          return { allowed: false, index, remaining: Math.max(0, Math.floor(check.limit - used)), resetMs } satisfies ReserveResult;
        }
        plan.push({ bucket, used, resetMs, check });
      }
      for (const { bucket, check } of plan) {
        if (check.kind === 'concurrency') leasesOf(bucket, at).set(leaseId, at + check.windowMs);
        else {
          const entry = values.get(bucket);
          const live = entry && entry.expiresAt > at;
          values.set(bucket, {
            value: (live ? entry.value : 0) + check.cost,
            expiresAt: live ? entry.expiresAt : at + (check.kind === 'sliding' ? 2 * check.windowMs : check.windowMs),
          });
        }
      }
      return {
        allowed: true,
        buckets: plan.map((step) => step.bucket),
        remaining: plan.map((step) => Math.max(0, Math.floor(step.check.limit - step.used - step.check.cost))),
        resetMs: plan.map((step) => step.resetMs),
      };
    },
    async settle(settlements, concurrencyKeys, leaseId) {
      const at = now();
      for (const key of concurrencyKeys) leases.get(key)?.delete(leaseId);
      return settlements.map(({ bucket, delta, ttlMs }) => {
        const entry = values.get(bucket);
        if (!entry || entry.expiresAt <= at) {
          if (delta <= 0) return 0;
          values.set(bucket, { value: delta, expiresAt: at + ttlMs });
          return delta;
        }
        entry.value = Math.max(0, entry.value + delta);
        return entry.value;
      });
    },
    async close() {
      values.clear();
      leases.clear();
    },
  };
}
