import type { RoutingConfig, RoutingRetry } from './routing-config-schema.js';

/**
 * Portkey's documented default retry statuses. Its gateway code lists 429, 500, 502, 503, 504;
 * its current docs add 529 (Anthropic's "overloaded"), which we follow.
 */
export const defaultRetryStatusCodes: readonly number[] = [429, 500, 502, 503, 504, 529];

export interface RetryPolicy {
  /** Extra tries after the first. */
  attempts: number;
  onStatusCodes: number[];
  useRetryAfterHeader: boolean;
}

/** One target as the server receives it: everything inherited from the tree already applied. */
export interface ResolvedTargetSpec {
  /** `openai` or `@slug`; absent when the server resolves it from the model or headers. */
  provider?: string;
  apiKey?: string;
  customHost?: string;
  /** Merged from the root down, the target winning; the server applies them to the body. */
  overrideParams: Record<string, unknown>;
  forwardHeaders: string[];
  requestTimeoutMs?: number;
  retry: RetryPolicy;
  name?: string;
  /** Keys the router does not act on (aws_region, anthropic_beta, cache, guardrails, …), inherited. */
  extra: Record<string, unknown>;
  /** Where in the config: `config.targets[1].targets[0]`, like Portkey's last-used-option-index. */
  path: string;
  /** Which health record this target feeds (provider + custom host + model by default). */
  healthKey?: string;
}

/** What a node passes down to its targets. */
export interface InheritedSettings {
  retry?: RoutingRetry;
  requestTimeoutMs?: number;
  overrideParams: Record<string, unknown>;
  customHost?: string;
  forwardHeaders?: string[];
  extra: Record<string, unknown>;
}

export const rootSettings: InheritedSettings = Object.freeze({ overrideParams: {}, extra: {} });

// Keys the router reads itself; every other key of a node travels in `extra`.
const routedKeys = new Set([
  'strategy',
  'targets',
  'name',
  'provider',
  'virtual_key',
  'api_key',
  'override_params',
  'weight',
  'retry',
  'request_timeout',
  'custom_host',
  'forward_headers',
  'on_status_codes',
]);

/**
 * A node's settings given its parent's, as Portkey inherits them: override_params merge (the
 * node wins per key); retry, request_timeout, custom_host and forward_headers are replaced whole
 * when the node sets them. Other keys (provider-specific ones, cache, hooks) are inherited too,
 * each replaced whole by the node's own.
 */
export function inheritSettings(parent: InheritedSettings, node: RoutingConfig): InheritedSettings {
  const extra = { ...parent.extra };
  for (const [key, value] of Object.entries(node)) {
    if (!routedKeys.has(key) && value !== undefined) extra[key] = value;
  }
  return {
    retry: node.retry ?? parent.retry,
    requestTimeoutMs: node.request_timeout ?? parent.requestTimeoutMs,
    overrideParams: node.override_params ? { ...parent.overrideParams, ...node.override_params } : parent.overrideParams,
    customHost: node.custom_host ?? parent.customHost,
    forwardHeaders: node.forward_headers ?? parent.forwardHeaders,
    extra,
  };
}

/** The spec of a leaf, from the leaf itself and the settings it inherited (its own included). */
export function resolveTargetSpec(leaf: RoutingConfig, settings: InheritedSettings, path: string): ResolvedTargetSpec {
  const spec: ResolvedTargetSpec = {
    overrideParams: { ...settings.overrideParams },
    forwardHeaders: [...(settings.forwardHeaders ?? [])],
    retry: toRetryPolicy(settings.retry),
    extra: { ...settings.extra },
    path,
  };
  // A virtual key names a catalog entry (credentials and provider), so it wins over `provider`.
  const provider = leaf.virtual_key !== undefined ? `@${leaf.virtual_key.replace(/^@/, '')}` : leaf.provider;
  if (provider !== undefined) spec.provider = provider;
  if (leaf.api_key !== undefined) spec.apiKey = leaf.api_key;
  if (settings.customHost !== undefined) spec.customHost = settings.customHost;
  if (settings.requestTimeoutMs !== undefined) spec.requestTimeoutMs = settings.requestTimeoutMs;
  if (leaf.name !== undefined) spec.name = leaf.name;
  return spec;
}

function toRetryPolicy(retry: RoutingRetry | undefined): RetryPolicy {
  return {
    attempts: retry?.attempts ?? 0,
    onStatusCodes: [...(retry?.on_status_codes ?? defaultRetryStatusCodes)],
    useRetryAfterHeader: retry?.use_retry_after_header === true || retry?.use_retry_after_headers === true,
  };
}
