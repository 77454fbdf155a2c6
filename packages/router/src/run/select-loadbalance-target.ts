import type { LoadbalancePolicy } from '../config/routing-config-schema.js';

export interface LoadbalanceCandidate {
  weight: number;
  /** Not cooling down (see HealthTracker.isAvailable). */
  available: boolean;
  inFlight: number;
  /** Moving average of time to first byte; undefined before the first sample. */
  latencyMs?: number;
}

/**
 * The index of the candidate a loadbalance strategy runs. Weight 0 never gets traffic. Cooled-down
 * candidates are left out unless all are cooling down (never fail closed). `weighted` draws by
 * weight, as Portkey does; `least-busy` takes the fewest in flight and `least-latency` the lowest
 * average (an unmeasured target counts as fastest, so it gets measured), ties drawn by weight.
 */
export function selectLoadbalanceTarget(
  candidates: readonly LoadbalanceCandidate[],
  policy: LoadbalancePolicy,
  random: () => number,
): number {
  const weighted = candidates.map((candidate, index) => ({ ...candidate, index })).filter((candidate) => candidate.weight > 0);
  const healthy = weighted.filter((candidate) => candidate.available);
  let pool = healthy.length > 0 ? healthy : weighted;
  if (pool.length === 0) throw new Error('loadbalance has no target with a weight above 0');
  if (policy !== 'weighted') {
    const measure = policy === 'least-busy' ? (candidate: LoadbalanceCandidate) => candidate.inFlight : (candidate: LoadbalanceCandidate) => candidate.latencyMs ?? 0;
    const best = Math.min(...pool.map(measure));
    pool = pool.filter((candidate) => measure(candidate) === best);
  }
  return pool[pickByWeight(pool.map((candidate) => candidate.weight), random)]!.index;
}

/** Index drawn with probability weight / total, as Portkey's loadbalancer draws. */
export function pickByWeight(weights: readonly number[], random: () => number): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let remaining = random() * total;
  for (let index = 0; index < weights.length; index++) {
    if (remaining < weights[index]!) return index;
    remaining -= weights[index]!;
  }
  // Rounding can leave a sliver past the last weight: the last positive one takes it.
  for (let index = weights.length - 1; index >= 0; index--) if (weights[index]! > 0) return index;
  return weights.length - 1;
}
