import { describe, expect, it } from 'vitest';
import { defaultRoutingConfigLimits, findLimitViolation } from './check-config-limits.js';

function chain(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { provider: '@leaf' };
  for (let level = 0; level < depth; level++) node = { strategy: { mode: 'single' }, targets: [node] };
  return node;
}

describe('findLimitViolation', () => {
  it('allows nesting to the maximum depth and refuses one level more', () => {
    expect(findLimitViolation(chain(defaultRoutingConfigLimits.maxDepth))).toBeUndefined();
    const violation = findLimitViolation(chain(defaultRoutingConfigLimits.maxDepth + 1));
    expect(violation?.message).toBe('nests targets deeper than 8 levels');
    expect(violation?.path).toBe(`config${'.targets[0]'.repeat(8)}.targets`);
  });
  it('counts targets over the whole tree', () => {
    const group = (size: number) => ({ strategy: { mode: 'fallback' }, targets: Array.from({ length: size }, () => ({})) });
    expect(findLimitViolation({ strategy: { mode: 'fallback' }, targets: [group(31), group(31)] })).toBeUndefined();
    expect(findLimitViolation({ strategy: { mode: 'fallback' }, targets: [group(31), group(32)] })).toEqual({
      path: 'config',
      message: 'has more than 64 targets in the whole tree',
    });
  });
  it('takes limits from the caller', () => {
    expect(findLimitViolation(chain(3), { maxTargets: 64, maxDepth: 2 })?.message).toContain('deeper than 2');
    expect(findLimitViolation({ targets: [{}, {}, {}] }, { maxTargets: 2, maxDepth: 8 })?.message).toContain('more than 2');
  });
  it('ignores what is not a tree (the schema reports it)', () => {
    expect(findLimitViolation(null)).toBeUndefined();
    expect(findLimitViolation({ targets: 'x' })).toBeUndefined();
  });
});
