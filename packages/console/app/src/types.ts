// The admin API's answers, as the console reads them (the server defines them; kept loose here).

export interface StatsFigures {
  requests: number;
  errors: number;
  p50LatencyMs?: number;
  p95LatencyMs?: number;
  p50FirstTokenMs?: number;
  p95FirstTokenMs?: number;
  p50OverheadMs?: number;
  p95OverheadMs?: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

export interface LogStats {
  window: string;
  since: number;
  until: number;
  bucketMs: number;
  totals: StatsFigures;
  buckets: Array<{ start: number } & StatsFigures>;
  byProvider: Array<{ provider: string } & StatsFigures>;
  byModel: Array<{ model: string } & StatsFigures>;
  byKey: Array<{ keyId: string } & StatsFigures>;
  truncated?: boolean;
}

export interface LogRecord {
  id: string;
  kind: 'request' | 'attempt';
  traceId: string;
  time: number;
  method: string;
  path: string;
  format?: string;
  provider?: string;
  modelRequested?: string;
  modelAnswered?: string;
  status: number;
  errorKind?: string;
  errorMessage?: string;
  attemptIndex?: number;
  retries?: number;
  attempts?: number;
  cacheStatus?: string;
  stream?: boolean;
  firstByteMs?: number;
  totalMs: number;
  upstreamMs?: number;
  overheadMs?: number;
  tokens?: { input?: number; output?: number; cachedInput?: number; cacheWrite?: number; reasoning?: number };
  costUsd?: number;
  priceVersion?: string;
  warnings?: unknown[];
  metadata?: Record<string, string>;
  keyId?: string;
  incomplete?: boolean;
  requestBody?: string;
  responseBody?: string;
  guardrails?: unknown[];
}

export interface LogPage {
  records: LogRecord[];
  nextCursor?: string;
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

export interface Budget {
  name: string;
  usd: number;
  window?: string;
  period?: 'day' | 'week' | 'month';
  timezone?: string;
  soft?: boolean;
}

export interface GatewayKey {
  id: string;
  name?: string;
  prefix: string;
  teamId?: string;
  orgId?: string;
  allowedModels?: string[];
  allowedProviders?: string[];
  limits?: { requestsPerMinute?: number; tokensPerMinute?: number; inputTokensPerMinute?: number; outputTokensPerMinute?: number; concurrentRequests?: number };
  budgets?: Budget[];
  expiresAt?: string;
  revokedAt?: string;
  createdAt: string;
  updatedAt: string;
}

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
