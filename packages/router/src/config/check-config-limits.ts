/** How big a config tree may be: it comes from a client header, and every node costs work per request. */
export interface RoutingConfigLimits {
  /** Targets in the whole tree, counting every entry of every `targets` array. */
  maxTargets: number;
  /** How deep `targets` may nest: the root's own targets are at depth 1. */
  maxDepth: number;
}

export const defaultRoutingConfigLimits: RoutingConfigLimits = { maxTargets: 64, maxDepth: 8 };

export interface LimitViolation {
  path: string;
  message: string;
}

/**
 * Walks the raw value before the schema does, without recursion and stopping at the first
 * excess, so an oversized tree costs little and cannot exhaust the stack.
 */
export function findLimitViolation(value: unknown, limits: RoutingConfigLimits = defaultRoutingConfigLimits): LimitViolation | undefined {
  const pending: { node: unknown; depth: number; path: string }[] = [{ node: value, depth: 0, path: 'config' }];
  let targetCount = 0;
  while (pending.length > 0) {
    const { node, depth, path } = pending.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    const targets = (node as { targets?: unknown }).targets;
    if (!Array.isArray(targets) || targets.length === 0) continue;
    if (depth + 1 > limits.maxDepth) {
      return { path: `${path}.targets`, message: `nests targets deeper than ${limits.maxDepth} levels` };
    }
    targetCount += targets.length;
    if (targetCount > limits.maxTargets) {
      return { path: 'config', message: `has more than ${limits.maxTargets} targets in the whole tree` };
    }
    targets.forEach((child, index) => pending.push({ node: child, depth: depth + 1, path: `${path}.targets[${index}]` }));
  }
  return undefined;
}
