import { z } from 'zod';
import { validateQuery } from '../conditions/validate-query.js';

/**
 * The routing config is Portkey's config format, so existing Portkey configs work unchanged:
 * https://portkey.ai/docs/api-reference/inference-api/config-object. Objects are loose: keys we do
 * not act on (provider-specific ones such as `aws_region`, and later features) are kept and
 * travel to the server in the target's `extra`.
 */

export const routingModes = ['single', 'fallback', 'loadbalance', 'conditional'] as const;
export type RoutingMode = (typeof routingModes)[number];

/** Our extension to `loadbalance`; Portkey only picks by weight. */
export const loadbalancePolicies = ['weighted', 'least-latency', 'least-busy'] as const;
export type LoadbalancePolicy = (typeof loadbalancePolicies)[number];

/** Bounds that protect the gateway from a config sent by a client. */
export const routingConfigBounds = { maxRetryAttempts: 10, maxConditions: 64 } as const;

export interface RoutingCondition {
  query: Record<string, unknown>;
  /** The `name` of one of the strategy's targets. */
  then: string;
}

export interface RoutingStrategy {
  mode: RoutingMode;
  /** Fallback only: the statuses that move on to the next target (default: any error). */
  on_status_codes?: number[];
  conditions?: RoutingCondition[];
  /** Conditional only: the target name used when no condition matches. */
  default?: string;
  policy?: LoadbalancePolicy;
  [key: string]: unknown;
}

export interface RoutingRetry {
  attempts: number;
  on_status_codes?: number[];
  /** The name in Portkey's gateway code. */
  use_retry_after_header?: boolean;
  /** The name in Portkey's docs; either turns it on. */
  use_retry_after_headers?: boolean;
  [key: string]: unknown;
}

/** One node of the config tree: a strategy over `targets`, or a target (a leaf). */
export interface RoutingConfig {
  strategy?: RoutingStrategy;
  targets?: RoutingConfig[];
  name?: string;
  /** `openai` (an adapter's own entry) or `@slug` (a catalog entry). */
  provider?: string;
  /** Portkey's older name for a catalog entry: treated as the slug. */
  virtual_key?: string;
  api_key?: string;
  override_params?: Record<string, unknown>;
  weight?: number;
  retry?: RoutingRetry;
  /** Milliseconds until the target's first byte (Portkey answers 408 when it passes). */
  request_timeout?: number;
  custom_host?: string;
  forward_headers?: string[];
  /** Older place of `strategy.on_status_codes`. */
  on_status_codes?: number[];
  cache?: unknown;
  input_guardrails?: unknown;
  output_guardrails?: unknown;
  before_request_hooks?: unknown;
  after_request_hooks?: unknown;
  [key: string]: unknown;
}

const statusCodes = z.array(z.number().int().min(100).max(599));
const nonEmptyString = z.string().min(1);

const retrySchema = z.looseObject({
  attempts: z.number().int().min(0).max(routingConfigBounds.maxRetryAttempts).describe('Extra tries of the same target.'),
  on_status_codes: statusCodes.optional().describe('Statuses that trigger a retry (default 429, 500, 502, 503, 504, 529).'),
  use_retry_after_header: z.boolean().optional(),
  use_retry_after_headers: z.boolean().optional().describe("Wait as the provider's retry-after(-ms) header says."),
});

const conditionSchema = z.looseObject({
  query: z.record(z.string(), z.unknown()),
  then: nonEmptyString,
});

const strategySchema = z.looseObject({
  mode: z.enum(routingModes),
  on_status_codes: statusCodes.optional(),
  conditions: z.array(conditionSchema).max(routingConfigBounds.maxConditions).optional(),
  default: nonEmptyString.optional(),
  policy: z.enum(loadbalancePolicies).optional().describe('Switchyard extension: how loadbalance picks among healthy targets.'),
});

export const routingConfigSchema: z.ZodType<RoutingConfig> = z
  .looseObject({
    strategy: strategySchema.optional(),
    get targets() {
      return z.array(routingConfigSchema).min(1).optional();
    },
    name: nonEmptyString.optional(),
    provider: nonEmptyString.optional().describe('"openai" or "@slug" of a catalog entry.'),
    virtual_key: nonEmptyString.optional(),
    api_key: z.string().optional(),
    override_params: z.record(z.string(), z.unknown()).optional(),
    weight: z.number().min(0).optional(),
    retry: retrySchema.optional(),
    request_timeout: z.number().positive().optional().describe('Milliseconds until the first byte of the answer.'),
    custom_host: nonEmptyString.optional(),
    forward_headers: z.array(nonEmptyString).optional(),
    on_status_codes: statusCodes.optional(),
    // Later features: accepted and kept as they are.
    cache: z.unknown().optional(),
    input_guardrails: z.unknown().optional(),
    output_guardrails: z.unknown().optional(),
    before_request_hooks: z.unknown().optional(),
    after_request_hooks: z.unknown().optional(),
  })
  .superRefine((node, context) => {
    for (const issue of checkNodeRules(node as RoutingConfig)) context.addIssue({ code: 'custom', ...issue });
  });

interface NodeIssue {
  path: (string | number)[];
  message: string;
}

// Rules that span fields: what the strategy needs of its targets, and conditional names.
function checkNodeRules(node: RoutingConfig): NodeIssue[] {
  const issues: NodeIssue[] = [];
  const { strategy, targets } = node;
  if (targets && !strategy) issues.push({ path: ['strategy'], message: 'is required when targets are given' });
  if (!strategy) return issues;
  if (!targets) {
    issues.push({ path: ['targets'], message: `is required by the "${strategy.mode}" strategy` });
    return issues;
  }
  if (strategy.policy !== undefined && strategy.mode !== 'loadbalance') {
    issues.push({ path: ['strategy', 'policy'], message: 'applies to the loadbalance mode only' });
  }
  if (strategy.mode === 'loadbalance' && !targets.some((target) => (target.weight ?? 1) > 0)) {
    issues.push({ path: ['targets'], message: 'needs at least one target with a weight above 0' });
  }
  if (strategy.mode === 'conditional') issues.push(...checkConditional(strategy, targets));
  return issues;
}

function checkConditional(strategy: RoutingStrategy, targets: RoutingConfig[]): NodeIssue[] {
  const issues: NodeIssue[] = [];
  if (!strategy.conditions) issues.push({ path: ['strategy', 'conditions'], message: 'is required by the "conditional" strategy' });
  const names = new Set<string>();
  targets.forEach((target, index) => {
    if (target.name === undefined) return;
    if (names.has(target.name)) issues.push({ path: ['targets', index, 'name'], message: `"${target.name}" names two targets of this conditional strategy` });
    names.add(target.name);
  });
  const known = [...names].map((name) => `"${name}"`).join(', ') || 'none';
  (strategy.conditions ?? []).forEach((condition, index) => {
    const at = ['strategy', 'conditions', index];
    for (const issue of validateQuery(condition.query)) issues.push({ path: [...at, 'query', ...issue.path], message: issue.message });
    if (!names.has(condition.then)) issues.push({ path: [...at, 'then'], message: `names no target of this strategy ("${condition.then}"; named targets: ${known})` });
  });
  if (strategy.default !== undefined && !names.has(strategy.default)) {
    issues.push({ path: ['strategy', 'default'], message: `names no target of this strategy ("${strategy.default}"; named targets: ${known})` });
  }
  return issues;
}
