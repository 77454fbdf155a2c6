// The admin API's answers, as the console reads them. Log records, pages and stats, and gateway
// keys, are the types of the packages that make them (type-only imports: nothing of those packages
// reaches the bundle), so a change there fails the console's build instead of its pages; the rest
// are views the gateway app assembles for the admin API and are declared here.

import type { GatewayKeyView } from '@switchyard/access';
import type { LogStats as AggregatedLogStats } from '@switchyard/observability';

export type { LogPage, LogRecord, StatsFigures } from '@switchyard/observability';

/** `GET /admin/stats`: the log's figures over a window, with the window named as it was asked for. */
export interface LogStats extends AggregatedLogStats {
  window: string;
}

export interface TargetHealth {
  key: string;
  model?: string;
  state: 'closed' | 'open' | 'half-open';
  calls: number;
  failures: number;
  inFlight: number;
  consecutiveFailures: number;
  latencyMs?: number;
}

export interface ProviderEntry {
  slug: string;
  adapter: string;
  aliases: string[];
  baseURL?: string;
  hasApiKey: boolean;
  nativeFormat?: string;
  passthrough: boolean;
  chat?: Record<string, boolean>;
  endpoints: string[];
  models: string[];
  health: { state: 'closed' | 'open' | 'half-open'; calls: number; failures: number; errorRate?: number; latencyMs?: number; targets: TargetHealth[] };
}

/** A key as `GET /admin/keys` lists it: its record without the hash. */
export type GatewayKey = GatewayKeyView;

export interface KeyUsage {
  key: GatewayKey;
  lastMinute: { requests: number; inputTokens: number; outputTokens: number };
  budgets: Array<{ name: string; usd: number; soft: boolean; spentUsd: number; since: number }>;
}

export interface ConfigProblem {
  path: string;
  line: number;
  column: number;
  message: string;
}
