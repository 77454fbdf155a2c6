/** Rate limits for one scope (a key, a team, an organisation, or a model under one of them). */
export interface Limits {
  requestsPerMinute?: number;
  /** Input + output tokens. */
  tokensPerMinute?: number;
  inputTokensPerMinute?: number;
  outputTokensPerMinute?: number;
  /** Requests in flight at once. */
  concurrentRequests?: number;
}

/** Limits of a scope, plus limits per model pattern (`gpt-4o*`, `@openai/*`) counted within that scope. */
export interface ScopedLimits extends Limits {
  models?: Record<string, Limits>;
}

/**
 * A spend cap in USD. `window` is rolling (`'24h'`, `'30m'`, `'7d'`); `period` is a calendar
 * period (`day`, `week` from Monday, `month`) in `timezone` (IANA, UTC by default).
 * Hard budgets refuse requests; soft ones only alert.
 */
export interface Budget {
  name: string;
  usd: number;
  window?: string;
  period?: 'day' | 'week' | 'month';
  timezone?: string;
  soft?: boolean;
}

/** A managed gateway key as stored: never the key itself, only its hash. */
export interface GatewayKeyRecord {
  id: string;
  name?: string;
  /** The first characters of the key, shown so people can tell their keys apart. */
  prefix: string;
  hash: string;
  teamId?: string;
  orgId?: string;
  /** Model patterns (`gpt-4o*`, `@anthropic/*`); absent = all models. */
  allowedModels?: string[];
  /** Catalog slug patterns; absent = all providers. */
  allowedProviders?: string[];
  /** The routing config (an id from `configs`) used when a request names none. */
  defaultConfig?: string;
  metadata?: Record<string, string>;
  limits?: ScopedLimits;
  budgets?: Budget[];
  /** ISO time after which the key is refused. */
  expiresAt?: string;
  revokedAt?: string;
  createdAt: string;
  updatedAt: string;
}

/** What a client may set when creating or updating a key. */
export type GatewayKeyInput = Partial<
  Pick<GatewayKeyRecord, 'name' | 'teamId' | 'orgId' | 'allowedModels' | 'allowedProviders' | 'defaultConfig' | 'metadata' | 'limits' | 'budgets' | 'expiresAt'>
>;

/** A key as the admin API shows it: the record without its hash. */
export type GatewayKeyView = Omit<GatewayKeyRecord, 'hash'>;

/** A team or organisation: limits and budgets shared by every key under it. */
export interface AccessGroup {
  /** For a team: the organisation it belongs to. */
  orgId?: string;
  limits?: ScopedLimits;
  budgets?: Budget[];
}

/** One line of the spend ledger. */
export interface SpendEntry {
  keyId: string;
  teamId?: string;
  orgId?: string;
  traceId: string;
  provider?: string;
  model?: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  at: string;
}
