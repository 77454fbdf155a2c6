import type { AccessGroup, Budget, GatewayKeyRecord, Limits } from './access-types.js';
import { budgetWindow } from './budget-window.js';
import type { CounterCheck } from './counter-store.js';
import { matchesPattern } from './match-pattern.js';

const minute = 60_000;

/** What a check is about, for headers and error messages. */
export interface CheckLabel {
  scope: string;
  what: 'requests' | 'tokens' | 'input-tokens' | 'output-tokens' | 'concurrency' | 'budget';
  budget?: Budget;
}

export interface PlannedChecks {
  checks: CounterCheck[];
  labels: CheckLabel[];
}

export interface AdmissionEstimate {
  model?: string;
  inputTokens: number;
  outputTokens: number;
  /** Estimated cost in micro-USD. */
  costMicros: number;
}

/** Every counter one request touches: each scope's limits (and model limits), then each budget. */
export function planChecks(
  key: GatewayKeyRecord,
  groups: { team?: AccessGroup; org?: AccessGroup },
  estimate: AdmissionEstimate,
  options: { leaseMs: number; now: Date },
): PlannedChecks {
  const checks: CounterCheck[] = [];
  const labels: CheckLabel[] = [];
  const scopes: [string, AccessGroup['limits'], Budget[] | undefined][] = [[`key:${key.id}`, key.limits, key.budgets]];
  if (key.teamId) scopes.push([`team:${key.teamId}`, groups.team?.limits, groups.team?.budgets]);
  if (key.orgId) scopes.push([`org:${key.orgId}`, groups.org?.limits, groups.org?.budgets]);
  const add = (scope: string, limits: Limits | undefined) => {
    if (!limits) return;
    const push = (what: CheckLabel['what'], limit: number | undefined, cost: number, kind: CounterCheck['kind'] = 'sliding', windowMs = minute) => {
      if (limit === undefined) return;
      checks.push({ key: `${scope}:${what}`, kind, limit, cost, windowMs });
      labels.push({ scope, what });
    };
    push('requests', limits.requestsPerMinute, 1);
    push('tokens', limits.tokensPerMinute, estimate.inputTokens + estimate.outputTokens);
    push('input-tokens', limits.inputTokensPerMinute, estimate.inputTokens);
    push('output-tokens', limits.outputTokensPerMinute, estimate.outputTokens);
    push('concurrency', limits.concurrentRequests, 1, 'concurrency', options.leaseMs);
  };
  for (const [scope, limits] of scopes) {
    add(scope, limits);
    const model = estimate.model;
    if (model && limits?.models) {
      const bare = model.replace(/^@[^/]+\//, '');
      for (const [pattern, modelLimits] of Object.entries(limits.models)) {
        if (matchesPattern(pattern, model) || matchesPattern(pattern, bare)) add(`${scope}:model:${pattern}`, modelLimits);
      }
    }
  }
  for (const [scope, , budgets] of scopes) {
    for (const budget of budgets ?? []) {
      const window = budgetWindow(budget, options.now);
      checks.push({
        key: `${scope}:budget:${budget.name}:${window.label}`,
        kind: window.kind,
        // Soft budgets are counted, never refused.
        limit: budget.soft ? Infinity : Math.round(budget.usd * 1e6),
        // At least one micro-USD, so a spent budget refuses even a request whose price is unknown.
        cost: budget.soft ? 0 : Math.max(1, estimate.costMicros),
        windowMs: window.windowMs,
      });
      labels.push({ scope, what: 'budget', budget });
    }
  }
  return { checks, labels };
}
