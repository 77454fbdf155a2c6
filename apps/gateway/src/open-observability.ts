import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  type GatewayTracingOptions,
  type LogStore,
  type ModelPrice,
  type ObservedRequest,
  type PriceOverride,
  type UpstreamCallInfo,
  createBatchedLogWriter,
  createBodyRedactor,
  createGatewayMetrics,
  loadGatewayTracing,
  createMemoryLogStore,
  createObservability,
  type Observability,
  createPostgresLogStore,
  createPriceCatalog,
  createSqliteLogStore,
  isObservedPath,
  parseLogQuery,
  prometheusContentType,
  startLogRetention,
} from '@switchyard/observability';
import type { ProviderCatalog } from '@switchyard/router';
import type { GatewayHandlerOptions, RequestRecord } from '@switchyard/server';
import type { GatewayConfig } from './gateway-config.js';

export interface OpenObservabilityOptions {
  cwd?: string;
  /** Tests capture spans with an in-memory exporter instead of OTLP. */
  spanExporter?: GatewayTracingOptions['exporter'];
  /** Told about log writes that failed (default: stderr, once a minute at most). */
  onLogError?(error: unknown): void;
}

export interface OpenedObservability {
  /** What the handler takes: `/metrics`, `/admin/logs`, the trace hooks, body capture. */
  handler: Pick<GatewayHandlerOptions, 'observability' | 'observer' | 'captureBodies'>;
  /** Writes what is queued (tests read the log right after a request). */
  flush(): Promise<void>;
  /** The request log, when one is configured (the console's stats read it). */
  store?: LogStore;
  close(): Promise<void>;
}

/** Opens the log store, metrics, tracing and the price catalog that the config asks for. */
export async function openObservability(config: GatewayConfig, catalog: ProviderCatalog, options: OpenObservabilityOptions = {}): Promise<OpenedObservability> {
  const cwd = options.cwd ?? process.cwd();
  const prices = createPriceCatalog({
    ...(config.prices?.file ? { prices: readPriceFile(resolve(cwd, config.prices.file)) } : {}),
    overrides: priceOverrides(catalog),
    baseProviderOf: (slug) => adapterIdOf(catalog, slug),
  });
  const store = await openLogStore(config.logs, cwd);
  let lastErrorAt = 0;
  const onLogError =
    options.onLogError ??
    ((error: unknown) => {
      if (Date.now() - lastErrorAt < 60_000) return;
      lastErrorAt = Date.now();
      console.error(`switchyard: request log write failed: ${(error as Error).message ?? error}`);
    });
  const writer = store ? createBatchedLogWriter({ store, batchSize: config.logs.batchSize, flushIntervalMs: config.logs.flushIntervalMs, maxQueue: config.logs.maxQueue, onError: onLogError }) : undefined;
  const retention = store && config.logs.retentionDays ? startLogRetention(store, { retentionDays: config.logs.retentionDays, onError: onLogError }) : undefined;
  const tracingConfig = config.tracing;
  const tracing =
    tracingConfig && (tracingConfig.otlpEndpoint || tracingConfig.otlpTracesUrl || options.spanExporter)
      ? Object.assign(
          await loadGatewayTracing({ otlpEndpoint: tracingConfig.otlpEndpoint, otlpTracesUrl: tracingConfig.otlpTracesUrl, headers: tracingConfig.headers, protocol: tracingConfig.protocol, captureContent: tracingConfig.captureContent, serviceName: tracingConfig.serviceName, resourceAttributes: tracingConfig.resourceAttributes, timeoutMs: tracingConfig.timeoutMs, sampleRatio: tracingConfig.sampleRatio, exporter: options.spanExporter }),
          { captureContent: tracingConfig.captureContent },
        )
      : undefined;
  const metrics = config.metrics.enabled
    ? createGatewayMetrics({
        extraCollectors(registry) {
          // The exporter's own counts: spans lost to a full queue or a failing collector show here.
          if (tracing?.stats()) {
            registry.counter({
              name: 'switchyard_trace_spans_total',
              help: 'Spans by what became of them: exported to the OTLP collector, dropped (queue full or exporter shut down) or failed (collector refused, unreachable or timed out).',
              labelNames: ['outcome'],
              collect: () => {
                const stats = tracing.stats()!;
                return [
                  { labels: { outcome: 'exported' }, value: stats.exported },
                  { labels: { outcome: 'dropped' }, value: stats.dropped },
                  { labels: { outcome: 'failed' }, value: stats.failed },
                ];
              },
            });
          }
          if (!writer) return;
          // Counts since start, only ever growing: a counter, so rate() and increase() work on it.
          registry.counter({ name: 'switchyard_log_records_dropped_total', help: 'Log records dropped because the queue was full or the store failed.', labelNames: [], collect: () => [{ labels: {}, value: writer.stats().dropped + writer.stats().failed }] });
          registry.gauge({ name: 'switchyard_log_queue_length', help: 'Log records waiting to be written.', labelNames: [], collect: () => [{ labels: {}, value: writer.stats().queued }] });
        },
      })
    : undefined;
  const observability = createObservability({
    logs: writer ? { writer, bodies: config.logs.bodies } : undefined,
    redact: createBodyRedactor({ secrets: configuredSecrets(config, catalog), patterns: config.logs.redact }),
    metrics,
    tracing,
    prices,
  });
  return {
    handler: {
      observability: {
        ...(metrics ? { metrics: { render: () => metrics.render(), contentType: prometheusContentType, protect: config.metrics.protect } } : {}),
        ...(store ? { queryLogs: async (query: string) => { await writer?.flush(); return store.query(parseLogQuery(query)); } } : {}),
      },
      // With no log, no metrics and no tracing there is nothing to observe: the handler then makes
      // no observation per request (nor the copy of its record that one would take).
      ...(writer || metrics || tracing ? { observer: createObserver(observability, catalog) } : {}),
      captureBodies: observability.wantsBodies,
    },
    flush: async () => writer?.flush(),
    store,
    async close() {
      retention?.stop();
      await writer?.close();
      await tracing?.shutdown().catch(() => {});
      await store?.close();
    },
  };
}

/** The trace hooks and the completion of each observed request, for the handler. */
function createObserver(observability: Observability, catalog: ProviderCatalog): NonNullable<GatewayHandlerOptions['observer']> {
  return {
    begin(request, startedAt, traceId) {
      // The gateway's own routes (/metrics, /health, /admin/*) are not traffic: no span, count or log.
      if (!isObservedPath(request.path)) return undefined;
      const observation = observability.begin(request.headers, startedAt, traceId);
      const trace = observation.trace;
      const complete = (record: RequestRecord) => observability.complete(toObserved(record, catalog), observation);
      // Two literals rather than a spread: on Node 20, a property added to an object made by
      // spreading (`{ ...hooks, complete }`) gives it a new hidden class on every request (--log-maps).
      return trace ? { upstreamCall: (call: UpstreamCallInfo) => trace.upstreamCall(call), complete } : { complete };
    },
  };
}

async function openLogStore(config: GatewayConfig['logs'], cwd: string): Promise<LogStore | undefined> {
  let store: LogStore;
  switch (config.store) {
    case 'off':
      return undefined;
    case 'memory':
      store = createMemoryLogStore();
      break;
    case 'postgres':
      store = createPostgresLogStore({ url: config.url!, schema: config.schema, table: config.table });
      break;
    default: {
      const path = resolve(cwd, config.path ?? '.switchyard/logs.db');
      await mkdir(dirname(path), { recursive: true });
      store = createSqliteLogStore({ path, table: config.table });
    }
  }
  await store.migrate();
  return store;
}

/** The server's record, as observability takes it. */
function toObserved(record: RequestRecord, catalog: ProviderCatalog): ObservedRequest {
  return {
    traceId: record.traceId,
    startedAt: record.startedAt ?? Date.now() - record.totalMs,
    method: record.method,
    path: record.path,
    status: record.status,
    stream: record.stream,
    totalMs: record.totalMs,
    warnings: record.warnings,
    format: record.format,
    provider: record.provider,
    providerId: record.provider === undefined ? undefined : adapterIdOf(catalog, record.provider),
    modelRequested: record.modelRequested,
    modelAnswered: record.modelAnswered,
    errorKind: record.errorKind,
    errorMessage: record.errorMessage,
    firstByteMs: record.firstByteMs,
    upstreamMs: record.upstreamMs,
    overheadMs: record.overheadMs,
    usage: record.usage,
    incomplete: record.incomplete,
    metadata: record.metadata,
    cacheStatus: record.cacheStatus,
    guardrails: record.guardrails,
    keyId: record.gatewayKeyId,
    // The router names targets as written in the config (`@slug`); the log names entries by slug.
    attempts: record.attempts?.map((attempt) => (attempt.provider?.startsWith('@') ? { ...attempt, provider: attempt.provider.slice(1) } : attempt)),
    requestBody: record.requestBody,
    responseBody: record.responseBody,
  };
}

function adapterIdOf(catalog: ProviderCatalog, slug: string): string | undefined {
  try {
    return catalog.resolve(slug).adapter.id;
  } catch {
    return undefined;
  }
}

/** `providers.<slug>.models.<model>.prices` in the config: overrides of the shipped prices. */
function priceOverrides(catalog: ProviderCatalog): Record<string, Record<string, PriceOverride>> {
  const overrides: Record<string, Record<string, PriceOverride>> = {};
  for (const entry of catalog.listEntries()) {
    for (const [model, metadata] of Object.entries(entry.models ?? {})) {
      const prices = metadata.prices;
      if (!prices) continue;
      const override: PriceOverride = {};
      if (prices.input !== undefined) override.input = prices.input;
      if (prices.output !== undefined) override.output = prices.output;
      if (prices.cachedInput !== undefined) override.cachedInput = prices.cachedInput;
      if (prices.cacheWrite !== undefined) override.cacheWrite = { default: prices.cacheWrite };
      if (prices.reasoning !== undefined) override.reasoning = prices.reasoning;
      (overrides[entry.slug] ??= {})[model] = override;
    }
  }
  return overrides;
}

/** Provider keys from the catalog: exact values redacted from logged bodies. */
function configuredSecrets(config: GatewayConfig, catalog: ProviderCatalog): string[] {
  const secrets = [...config.apiKeys, ...config.adminKeys];
  for (const entry of catalog.listEntries()) if (entry.settings.apiKey) secrets.push(entry.settings.apiKey);
  return secrets;
}

function readPriceFile(path: string): ModelPrice[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`prices.file: cannot read ${path}: ${(error as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { prices?: unknown })?.prices;
  if (!Array.isArray(list)) throw new Error(`prices.file: ${path} holds no price list (an array, or { "prices": [...] })`);
  for (const [index, price] of list.entries()) {
    const entry = price as Partial<ModelPrice>;
    if (typeof entry.provider !== 'string' || typeof entry.model !== 'string' || typeof entry.input !== 'number' || typeof entry.output !== 'number') {
      throw new Error(`prices.file: entry ${index} needs provider, model, input and output`);
    }
  }
  return list as ModelPrice[];
}
