import { randomUUID } from 'node:crypto';
import type { Usage } from '@switchyard/core';
import type { AccessGroup, GatewayKeyRecord } from './access-types.js';
import { AccessLimitError, keyNotValid, limitsUnavailable, targetNotAllowed } from './access-errors.js';
import type { CounterStore } from './counter-store.js';
import { hashGatewayKey, managedKeyPrefix } from './gateway-key-secret.js';
import { createKeyCache } from './key-cache.js';
import type { KeyStore } from './key-store.js';
import { type CheckLabel, planChecks } from './limit-checks.js';
import { allowedBy } from './match-pattern.js';
import { formatReset, rateLimitHeaders } from './rate-limit-headers.js';

/** USD per million tokens, as the catalog's model metadata gives them. */
export interface ModelPrices {
  input?: number;
  output?: number;
  cachedInput?: number;
}

export interface AccessControlOptions {
  store: KeyStore;
  counters: CounterStore;
  /** The server secret keys are hashed with. */
  pepper: string;
  teams?: Record<string, AccessGroup>;
  orgs?: Record<string, AccessGroup>;
  /** Prices for a model (`provider` is the catalog slug when known); undefined when unknown. */
  pricesOf?(provider: string | undefined, model: string): ModelPrices | undefined;
  /** When the counter store fails: `open` admits (and counts it), `closed` refuses with 503. */
  failMode?: 'open' | 'closed';
  /** Output tokens reserved for a request that sets no max_tokens. */
  defaultOutputReservation?: number;
  /** How long a concurrency lease lives if its instance dies before releasing it. */
  leaseMs?: number;
  keyCacheTtlMs?: number;
  log?(level: 'warn' | 'error', message: string, fields?: Record<string, unknown>): void;
}

/** What a request asks for, read before it runs. */
export interface AdmissionRequest {
  traceId: string;
  /** The model string as the client sent it. */
  model?: string;
  inputTokens: number;
  /** The max output tokens the request sets, when it sets one. */
  maxOutputTokens?: number;
}

/** How the request ended, for settling. */
export interface AdmissionOutcome {
  status: number;
  provider?: string;
  modelRequested?: string;
  modelAnswered?: string;
  usage?: Usage;
  incomplete?: boolean;
  /** Body bytes sent to the client; stands in for output tokens when a cut stream reported none. */
  bytesOut: number;
}

export interface Admission {
  headers: Record<string, string>;
  settle(outcome: AdmissionOutcome): Promise<void>;
}

export interface AccessSession {
  keyId: string;
  defaultConfig?: string;
  authorizeTarget(slug: string, model: string): void;
  admit(request: AdmissionRequest): Promise<Admission>;
}

/** Counters the operator watches (exposed by the gateway's metrics). */
export interface AccessMetrics {
  failOpen: number;
  softBudgetAlerts: number;
  refused: Record<string, number>;
}

const keyHeaders = ['x-switchyard-api-key', 'x-portkey-api-key', 'authorization', 'x-api-key'] as const;

/** Keys, limits and budgets, checked for each request that presents a managed key. */
export function createAccessControl(options: AccessControlOptions) {
  const cache = createKeyCache(options.store, options.keyCacheTtlMs ?? 500);
  const metrics: AccessMetrics = { failOpen: 0, softBudgetAlerts: 0, refused: {} };
  const log = options.log ?? ((level, message, fields) => console[level](`[access] ${message}`, fields ?? ''));
  const alerted = new Set<string>();
  const leaseMs = options.leaseMs ?? 600_000;

  const presented = (headers: Readonly<Record<string, string>>) => {
    for (const name of keyHeaders) {
      const raw = headers[name];
      if (raw === undefined) continue;
      const value = name === 'authorization' ? /^Bearer\s+(.+)$/i.exec(raw)?.[1]?.trim() : raw.trim();
      if (value?.startsWith(managedKeyPrefix)) return { name, value };
    }
    return undefined;
  };

  const costMicros = (prices: ModelPrices | undefined, input: number, output: number, cachedInput = 0) => {
    if (!prices) return 0;
    const inputPrice = prices.input ?? 0;
    return Math.ceil((input - cachedInput) * inputPrice + cachedInput * (prices.cachedInput ?? inputPrice) + output * (prices.output ?? 0));
  };

  function session(key: GatewayKeyRecord): AccessSession {
    const groups = { team: key.teamId ? options.teams?.[key.teamId] : undefined, org: key.orgId ? options.orgs?.[key.orgId] : undefined };
    const keyScope = `key:${key.id}`;
    return {
      keyId: key.id,
      defaultConfig: key.defaultConfig,
      authorizeTarget(slug, model) {
        if (!allowedBy(key.allowedProviders, slug)) throw targetNotAllowed('provider', slug);
        if (model && !allowedBy(key.allowedModels, model, `@${slug}/${model}`)) throw targetNotAllowed('model', model);
      },
      async admit(request) {
        const outputTokens = request.maxOutputTokens ?? options.defaultOutputReservation ?? 1_024;
        const parsedModel = request.model ? /^@([^/]+)\/(.+)$/.exec(request.model) : null;
        const prices = request.model ? options.pricesOf?.(parsedModel?.[1], parsedModel?.[2] ?? request.model) : undefined;
        const estimate = { model: request.model, inputTokens: request.inputTokens, outputTokens, costMicros: costMicros(prices, request.inputTokens, outputTokens) };
        const { checks, labels } = planChecks(key, groups, estimate, { leaseMs, now: new Date() });
        if (checks.length === 0) return { headers: {}, settle: async () => {} };
        const leaseId = randomUUID();
        let result;
        try {
          result = await options.counters.reserve(checks, leaseId);
        } catch (error) {
          if (options.failMode === 'closed') {
            log('error', 'limit store unreachable; refusing (failMode closed)', { error: String(error) });
            throw limitsUnavailable();
          }
          metrics.failOpen++;
          log('warn', 'limit store unreachable; admitting without limits (failMode open)', { error: String(error) });
          return { headers: {}, settle: async () => {} };
        }
        if (!result.allowed) throw refusal(labels[result.index]!, checks[result.index]!.limit, result.remaining, result.resetMs);
        const { buckets } = result;
        const headers = rateLimitHeaders(labels, checks.map((check) => check.limit), result.remaining, result.resetMs, keyScope);
        let settled = false;
        return {
          headers,
          async settle(outcome) {
            if (settled) return;
            settled = true;
            const actual = actualUsage(outcome, estimate.inputTokens, outputTokens);
            const answeredModel = outcome.modelAnswered ?? parsedModel?.[2] ?? outcome.modelRequested ?? request.model;
            const actualPrices = answeredModel ? options.pricesOf?.(outcome.provider, answeredModel) ?? prices : prices;
            const actualCost = costMicros(actualPrices, actual.input, actual.output, actual.cachedInput);
            const settlements = [];
            const softIndexes: number[] = [];
            for (const [index, label] of labels.entries()) {
              const check = checks[index]!;
              let delta = 0;
              if (label.what === 'tokens') delta = actual.input + actual.output - check.cost;
              else if (label.what === 'input-tokens') delta = actual.input - check.cost;
              else if (label.what === 'output-tokens') delta = actual.output - check.cost;
              else if (label.what === 'budget') delta = actualCost - check.cost;
              else continue;
              if (label.what === 'budget' && label.budget?.soft) softIndexes.push(settlements.length);
              if (delta !== 0 || label.budget?.soft) settlements.push({ bucket: buckets[index]!, delta, ttlMs: check.windowMs * (check.kind === 'sliding' ? 2 : 1), label });
            }
            const concurrency = labels.flatMap((label, index) => (label.what === 'concurrency' ? [buckets[index]!] : []));
            try {
              const values = await options.counters.settle(settlements, concurrency, leaseId);
              for (const index of softIndexes) {
                const { label, bucket } = settlements[index]!;
                if (values[index]! > label.budget!.usd * 1e6 && !alerted.has(bucket)) {
                  alerted.add(bucket);
                  metrics.softBudgetAlerts++;
                  log('warn', `soft budget "${label.budget!.name}" of ${label.scope} is over ${label.budget!.usd} USD`, { spentUsd: values[index]! / 1e6 });
                }
              }
            } catch (error) {
              log('warn', 'could not settle limits (limit store unreachable)', { error: String(error) });
            }
            if (actual.input + actual.output > 0 || actualCost > 0) {
              await options.store
                .recordSpend({
                  keyId: key.id,
                  teamId: key.teamId,
                  orgId: key.orgId,
                  traceId: request.traceId,
                  provider: outcome.provider,
                  model: answeredModel,
                  inputTokens: actual.input,
                  outputTokens: actual.output,
                  costUsd: actualCost / 1e6,
                  at: new Date().toISOString(),
                })
                .catch((error) => log('warn', 'could not write the spend ledger', { error: String(error) }));
            }
          },
        };
      },
    };
  }

  function refusal(label: CheckLabel, limit: number, remaining: number, resetMs: number): AccessLimitError {
    const retryAfter = String(Math.max(1, Math.ceil(resetMs / 1_000)));
    metrics.refused[label.what] = (metrics.refused[label.what] ?? 0) + 1;
    if (label.what === 'budget') {
      const budget = label.budget!;
      return new AccessLimitError(`The budget "${budget.name}" of ${label.scope} (${budget.usd} USD ${budget.window ? `per ${budget.window}` : `per ${budget.period ?? 'month'}`}) is spent.`, {
        code: 'budget_exceeded',
        headers: { 'retry-after': retryAfter },
      });
    }
    const headers: Record<string, string> = { 'retry-after': retryAfter };
    if (label.what !== 'concurrency') {
      const dimension = label.what === 'requests' ? 'requests' : 'tokens';
      headers[`x-ratelimit-limit-${dimension}`] = String(limit);
      headers[`x-ratelimit-remaining-${dimension}`] = String(remaining);
      headers[`x-ratelimit-reset-${dimension}`] = formatReset(resetMs);
    }
    const unit = label.what === 'concurrency' ? `${limit} concurrent requests` : `${limit} ${label.what.replace('-', ' ')} per minute`;
    return new AccessLimitError(`Rate limit reached for ${label.scope}: ${unit}. Retry after ${retryAfter}s.`, { code: 'rate_limit_exceeded', headers });
  }

  return {
    metrics,
    /** Whether the headers present a managed key (decided without I/O, before the body is read). */
    presentsKey(headers: Readonly<Record<string, string>>): boolean {
      return presented(headers) !== undefined;
    },
    /** Accepts the managed key in the headers (and removes it, so it is never forwarded) or throws a 401. */
    async authenticate(headers: Record<string, string>): Promise<AccessSession> {
      const found = presented(headers);
      if (!found) throw keyNotValid('no managed key was presented');
      const key = await cache.findByHash(hashGatewayKey(found.value, options.pepper));
      if (!key) throw keyNotValid('unknown key');
      if (key.revokedAt) throw keyNotValid('the key was revoked');
      if (key.expiresAt && Date.parse(key.expiresAt) <= Date.now()) throw keyNotValid(`the key expired at ${key.expiresAt}`);
      delete headers[found.name];
      return session(key);
    },
    forget: cache.forget,
    async close() {
      await options.counters.close();
      await options.store.close();
    },
  };
}

export type AccessControlInstance = ReturnType<typeof createAccessControl>;

/** Tokens to settle: the usage the provider reported, else (a cut stream) the input estimate plus what was sent. */
function actualUsage(outcome: AdmissionOutcome, inputEstimate: number, outputReserved: number) {
  if (outcome.usage) return { input: outcome.usage.input, output: outcome.usage.output, cachedInput: outcome.usage.cachedInput ?? 0 };
  if (outcome.bytesOut === 0 && outcome.status >= 400) return { input: 0, output: 0, cachedInput: 0 };
  // About four bytes a token; the framing makes this an over-count, capped at what was reserved.
  return { input: inputEstimate, output: Math.min(outputReserved, Math.ceil(outcome.bytesOut / 4)), cachedInput: 0 };
}
