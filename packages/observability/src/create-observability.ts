import { randomBytes } from 'node:crypto';
import type { BatchedLogWriter } from './logs/batched-log-writer.js';
import type { LogRecord } from './logs/log-record.js';
import { attemptIdOf } from './logs/sole-attempt.js';
import type { BodyRedactor } from './logs/redact-body.js';
import type { GatewayMetrics } from './metrics/gateway-metrics.js';
import { type ObservedAttempt, type ObservedRequest, requestShapeKey } from './observed-request.js';
import { type CostBreakdown, cacheWriteByTtlFromRaw, computeCost } from './prices/compute-cost.js';
import type { ModelPrice } from './prices/model-price.js';
import type { PriceCatalog } from './prices/price-catalog.js';
import type { GatewayTracing, RequestTrace } from './tracing/gateway-tracing.js';

export interface ObservabilityOptions {
  logs?: {
    writer: BatchedLogWriter;
    /** Keep request and response bodies (redacted) in the log. */
    bodies?: boolean;
    /** Longest body kept, in characters (default 64 KiB); longer ones are cut with a marker. */
    maxBodyChars?: number;
  };
  /** Applied to every body kept in logs or spans. */
  redact?: BodyRedactor;
  metrics?: GatewayMetrics;
  tracing?: GatewayTracing & { captureContent?: boolean };
  prices?: PriceCatalog;
}

export interface RequestObservation {
  trace?: RequestTrace;
}

export interface Observability {
  /** At the start of a request: the in-flight gauge and the request span (its trace id from `traceId` when that is a UUID: see `GatewayTracing.begin`). */
  begin(headers: Readonly<Record<string, string>>, startedAt: number, traceId?: string): RequestObservation;
  /** When the request's response is complete: cost, log records, metrics, spans. Never throws. */
  complete(request: ObservedRequest, observation: RequestObservation): void;
  /** The cost of a finished request from its usage, or undefined when the model has no price. */
  costOf(request: Pick<ObservedRequest, 'provider' | 'providerId' | 'modelAnswered' | 'modelRequested' | 'usage'>): CostBreakdown | undefined;
  /** Whether bodies are wanted at all (the gateway only keeps them when they are). */
  wantsBodies: boolean;
}

/** The gateway's own routes, which are neither logged nor counted as traffic. */
const unobservedPaths = new Set(['/metrics', '/health']);
const knownRoutes = new Set([
  '/v1/chat/completions', '/v1/messages', '/v1/responses', '/v1/messages/count_tokens', '/v1/embeddings',
  '/v1/images/generations', '/v1/moderations', '/v1/models', '/v1/files', '/v1/batches', '/v1/audio/speech',
  '/v1/audio/transcriptions',
]);

export function isObservedPath(path: string): boolean {
  return !unobservedPaths.has(path) && !path.startsWith('/admin/');
}

export function createObservability(options: ObservabilityOptions): Observability {
  const { logs, metrics, tracing, prices, redact } = options;
  const maxBodyChars = logs?.maxBodyChars ?? 65_536;
  const keepBody = (body: Uint8Array | string | undefined): string | undefined => {
    if (body === undefined) return undefined;
    let text = typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
    if (text.length > maxBodyChars) text = `${text.slice(0, maxBodyChars)}…[truncated ${text.length - maxBodyChars} chars]`;
    return redact ? redact(text) : text;
  };

  // Which price a request pays: the same few combinations every request. Remembered by the
  // request's shape when the caller has its key, else by provider and models (two maps, so the
  // two kinds of key never meet).
  const priceByShape = new Map<string, ModelPrice | null>();
  const priceByModels = new Map<string, ModelPrice | null>();
  const costFor = (request: Pick<ObservedRequest, 'provider' | 'providerId' | 'modelAnswered' | 'modelRequested' | 'usage'>, shapeKey?: string): CostBreakdown | undefined => {
    if (!prices || !request.usage || !request.provider) return undefined;
    const memo = shapeKey === undefined ? priceByModels : priceByShape;
    const key = shapeKey ?? `${request.provider}\u0000${request.providerId ?? ''}\u0000${request.modelAnswered ?? ''}\u0000${request.modelRequested ?? ''}`;
    let price = memo.get(key);
    if (price === undefined) {
      price = findPrice(prices, request) ?? null;
      if (memo.size >= 10_000) memo.clear();
      memo.set(key, price);
    }
    if (!price) return undefined;
    // Only cache writes are priced by TTL: without any, the raw usage need not be searched.
    const cacheWriteByTtl = request.usage.cacheWrite ? cacheWriteByTtlFromRaw(request.usage.raw) : undefined;
    return computeCost(cacheWriteByTtl ? { ...request.usage, cacheWriteByTtl } : request.usage, price);
  };
  const costOf: Observability['costOf'] = (request) => costFor(request);

  return {
    wantsBodies: (logs?.bodies ?? false) || (tracing?.captureContent ?? false),
    costOf,
    begin(headers, startedAt, traceId) {
      metrics?.requestStarted();
      return { trace: tracing?.begin(headers, startedAt, traceId) };
    },
    complete(request, observation) {
      if (!logs && !metrics && !observation.trace) return;
      try {
        // A cache hit spent nothing upstream: logged with the stored answer's tokens, but no cost.
        const shapeKey = requestShapeKey(request);
        const cost = request.cacheStatus?.includes('HIT') ? undefined : costFor(request, shapeKey);
        if (cost) request.costUsd = cost.total;
        const requestBody = logs?.bodies || tracing?.captureContent ? keepBody(request.requestBody) : undefined;
        const responseBody = logs?.bodies || tracing?.captureContent ? keepBody(request.responseBody) : undefined;
        if (logs && isObservedPath(request.path)) logs.writer.write(toLogRecords(request, cost, logs.bodies ? { requestBody, responseBody } : {}));
        metrics?.requestFinished({
          route: routeLabel(request.path),
          operation: operationLabel(request.path),
          provider: request.provider,
          genAiProvider: request.providerId ?? request.provider,
          model: request.modelRequested === undefined ? undefined : stripSlug(request.modelRequested),
          status: request.status,
          errorKind: request.errorKind,
          stream: request.stream,
          totalSeconds: request.totalMs / 1000,
          firstByteSeconds: request.firstByteMs === undefined ? undefined : request.firstByteMs / 1000,
          overheadSeconds: request.overheadMs === undefined ? undefined : request.overheadMs / 1000,
          cacheStatus: request.cacheStatus,
          guardrails: request.guardrails,
          tokens: request.usage,
          costUsd: cost?.total,
          attempts: request.attempts ?? noAttempts,
          fallbacks: fallbacksOf(request),
        }, shapeKey);
        observation.trace?.end(request, { request: requestBody, response: responseBody }, shapeKey);
      } catch {
        // Observability must never break the request it watches.
      }
    },
  };
}

/** The request record, then one record per attempt (cost on the one that answered). */
export function toLogRecords(request: ObservedRequest, cost: CostBreakdown | undefined, bodies: { requestBody?: string; responseBody?: string } = {}): LogRecord[] {
  const attempts = request.attempts ?? [];
  const usage = request.usage;
  const tokens = usage ? { input: usage.input, output: usage.output, cachedInput: usage.cachedInput, cacheWrite: usage.cacheWrite, reasoning: usage.reasoning } : undefined;
  const head: LogRecord = {
    id: nextRecordId(request.startedAt),
    kind: 'request',
    traceId: request.traceId,
    time: Math.round(request.startedAt),
    method: request.method,
    path: request.path,
    format: request.format,
    provider: request.provider,
    modelRequested: request.modelRequested,
    modelAnswered: request.modelAnswered,
    status: request.status,
    errorKind: request.errorKind,
    errorMessage: request.errorMessage,
    retries: retriesOf(attempts),
    attempts: attempts.length,
    cacheStatus: request.cacheStatus,
    stream: request.stream,
    firstByteMs: round(request.firstByteMs),
    totalMs: round(request.totalMs)!,
    upstreamMs: round(request.upstreamMs),
    overheadMs: round(request.overheadMs),
    tokens,
    costUsd: cost?.total,
    priceVersion: cost?.priceVersion,
    warnings: request.warnings && request.warnings.length > 0 ? request.warnings : undefined,
    metadata: request.metadata && Object.keys(request.metadata).length > 0 ? request.metadata : undefined,
    keyId: request.keyId,
    incomplete: request.incomplete,
    guardrails: request.guardrails && request.guardrails.length > 0 ? request.guardrails : undefined,
    requestBody: bodies.requestBody,
    responseBody: bodies.responseBody,
  };
  const winner = attempts.length > 0 && attempts.at(-1)!.kind === undefined ? attempts.length - 1 : -1;
  // Attempts ran one after another; their start is the request's start plus the ones before (backoff waits not included).
  let offset = 0;
  const records: LogRecord[] = [head];
  for (let index = 0; index < attempts.length; index += 1) {
    const attempt = attempts[index]!;
    const time = Math.round(request.startedAt + offset);
    offset += attempt.durationMs;
    const won = index === winner;
    records.push({
      // Named after the request: a sole attempt is kept in its request's row (sole-attempt.ts).
      id: attemptIdOf(head.id, index),
      kind: 'attempt',
      traceId: request.traceId,
      time,
      method: request.method,
      path: request.path,
      format: request.format,
      provider: attempt.provider,
      modelRequested: attempt.model ?? request.modelRequested,
      modelAnswered: won ? request.modelAnswered : undefined,
      status: attempt.status ?? (won ? request.status : 0),
      errorKind: attempt.kind,
      errorMessage: attempt.message,
      attemptIndex: index,
      retries: attempt.retry,
      stream: request.stream,
      totalMs: round(attempt.durationMs)!,
      tokens: won ? tokens : undefined,
      costUsd: won ? cost?.total : undefined,
      priceVersion: won ? cost?.priceVersion : undefined,
      keyId: request.keyId,
    });
  }
  return records;
}

function retriesOf(attempts: readonly ObservedAttempt[]): number {
  let retries = 0;
  for (const attempt of attempts) if (attempt.retry > 0) retries += 1;
  return retries;
}

function findPrice(prices: PriceCatalog, request: Pick<ObservedRequest, 'provider' | 'providerId' | 'modelAnswered' | 'modelRequested'>): ModelPrice | undefined {
  const model = request.modelAnswered ?? stripSlug(request.modelRequested);
  if (!model || !request.provider) return undefined;
  return (
    prices.find(request.provider, model) ??
    (request.providerId ? prices.find(request.providerId, model) : undefined) ??
    (request.modelAnswered && request.modelRequested ? prices.find(request.providerId ?? request.provider, stripSlug(request.modelRequested)!) : undefined)
  );
}

const noAttempts: ObservedAttempt[] = [];

function fallbacksOf(request: ObservedRequest): number {
  const attempts = request.attempts;
  if (!attempts || attempts.length < 2) return 0;
  const targets = new Set(attempts.map((attempt) => attempt.path ?? attempt.provider));
  return targets.size - 1;
}

export function routeLabel(path: string): string {
  if (knownRoutes.has(path)) return path;
  if (path.startsWith('/v1/responses/')) return '/v1/responses/{id}';
  if (path.startsWith('/v1/files/')) return '/v1/files/{id}';
  if (path.startsWith('/v1/batches/')) return '/v1/batches/{id}';
  return path.startsWith('/v1/') ? '/v1/other' : 'other';
}

function operationLabel(path: string): string {
  if (path === '/v1/chat/completions' || path === '/v1/messages' || path === '/v1/responses') return 'chat';
  if (path === '/v1/embeddings') return 'embeddings';
  if (path === '/v1/images/generations') return 'generate_content';
  return 'other';
}

function stripSlug(model: string | undefined): string | undefined {
  if (model === undefined) return undefined;
  return model.startsWith('@') && model.includes('/') ? model.slice(model.indexOf('/') + 1) : model;
}

function round(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * 1000) / 1000;
}

// Record ids sort by time within one process (the log's primary key then grows at its end, which
// keeps SQL inserts cheap); the random part keeps instances sharing a PostgreSQL log apart.
const processTag = randomBytes(4).toString('hex');
let sequence = 0;
// Requests mostly end in the same millisecond as the one before: the prefix is made once for them.
let lastMillisecond = Number.NaN;
let lastPrefix = '';
function nextRecordId(time: number): string {
  sequence = (sequence + 1) % 0x100000;
  const millisecond = Math.round(time);
  if (millisecond !== lastMillisecond) {
    lastMillisecond = millisecond;
    lastPrefix = base36Milliseconds(millisecond);
  }
  return `${lastPrefix}-${sequence.toString(36).padStart(4, '0')}-${processTag}`;
}

// Epoch milliseconds as 9 base-36 digits (enough until the year 5188). Number#toString(36) on a
// value past 2^31 takes V8's floating-point path, a libm fmod per digit (~1,500 instructions);
// two halves that fit small integers take its integer path.
const lowDigits = 36 ** 5;
function base36Milliseconds(millisecond: number): string {
  const high = Math.floor(millisecond / lowDigits);
  return `${high.toString(36).padStart(4, '0')}${(millisecond - high * lowDigits).toString(36).padStart(5, '0')}`;
}
