import { HttpClient, type ProviderAdapter } from '@switchyard/core';
import { createHostAllowList } from '@switchyard/router';
import { connectGuard } from './connect-guard.js';
import { type RequestRecord, type ServingGateway, serveGateway } from '@switchyard/server';
import { buildCatalog } from './build-catalog.js';
import { bundledAdapters } from './bundled-adapters.js';
import type { GatewayConfig } from './gateway-config.js';
import { loadPlugins } from './load-plugins.js';
import { openAccessControl } from './open-access-control.js';
import { openCacheInterceptor } from './open-cache-interceptor.js';
import { openGuardrailInterceptor } from './open-guardrail-interceptor.js';
import type { GuardrailCheck } from '@switchyard/core';
import { openFileStore } from './open-file-store.js';
import { type OpenObservabilityOptions, openObservability } from './open-observability.js';
import { tracingFromEnvironment } from './otel-environment.js';
import { openResponseStore } from './open-response-store.js';
import { consoleAssetsDir } from '@switchyard/console';
import { openAdminConsole } from './open-admin-console.js';
import { consoleMiddleware } from './serve-console.js';

export interface GatewayOptions {
  config: GatewayConfig;
  host: string;
  port: number;
  env?: NodeJS.ProcessEnv;
  adapters?: ProviderAdapter[];
  onRequestComplete?(record: RequestRecord): void;
  /** Where a relative `responses.path` is resolved. Default: the process's working directory. */
  cwd?: string;
  /** Where `plugins` are resolved: the config file's directory. Default: `cwd`. */
  pluginBaseDir?: string;
  /** package.json `exports` conditions for plugins (default import, node, default). */
  pluginConditions?: readonly string[];
  /** Spans go here instead of OTLP (tests pass an in-memory exporter; `tracing` must be configured). */
  spanExporter?: OpenObservabilityOptions['spanExporter'];
  /** Where the web console's built files are (default: the @switchyard/console package's build). */
  consoleAssetsDir?: string;
}

export type RunningGateway = ServingGateway;

/** Wires the bundled adapters, the catalog from config and environment, and the server into a listening gateway. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  // OTEL_* variables configure tracing where the config file names no collector, and add the
  // resource either way (otel-environment.ts); read first, so a bad value stops the start before
  // anything is opened.
  const tracing = tracingFromEnvironment(config.tracing, options.env ?? process.env);
  const bundled = options.adapters ?? bundledAdapters();
  const guardrailChecks: GuardrailCheck<any>[] = [];
  const plugins = await loadPlugins(config.plugins, {
    baseDir: options.pluginBaseDir ?? options.cwd ?? process.cwd(),
    existing: bundled,
    conditions: options.pluginConditions,
    onGuardrailChecks: (checks) => guardrailChecks.push(...checks),
  });
  const guardrails = openGuardrailInterceptor(config.guardrails, guardrailChecks);
  const catalog = buildCatalog([...bundled, ...plugins], config, options.env ?? process.env);
  const hostAllowList = createHostAllowList(config.allowedHosts);
  const http = new HttpClient({ connections: config.upstreamConnections, mayConnect: connectGuard(catalog, hostAllowList) });
  const responseStore = await openResponseStore(config.responses, options.cwd);
  const fileStore = await openFileStore(config, options.cwd);
  const access = await openAccessControl(config.access, catalog, options.cwd);
  const cache = await openCacheInterceptor(config.cache, catalog, http, options.cwd);
  const observability = await openObservability({ ...config, tracing }, catalog, { cwd: options.cwd, spanExporter: options.spanExporter });
  const serving = await serveGateway({
    catalog,
    hostAllowList,
    apiKeys: config.apiKeys,
    access,
    // Guardrails, when configured, go before the cache (outermost): input checks precede the lookup.
    chatInterceptors: [guardrails, cache],
    adminKeys: config.adminKeys,
    http,
    defaultProvider: config.defaultProvider ?? 'mock',
    modelAliases: config.aliases,
    configs: config.configs,
    defaultConfig: config.defaultConfig,
    routing: config.retry,
    timeouts: config.timeouts,
    bodyLimitBytes: config.bodyLimitBytes,
    uploadLimitBytes: config.uploadLimitBytes,
    clientTimeouts: config.clientTimeouts,
    shutdownGraceMs: config.shutdownGraceMs,
    onRequestComplete: options.onRequestComplete,
    ...observability.handler,
    adminConsole: openAdminConsole({ config, catalog, env: options.env ?? process.env, logStore: observability.store, flushLogs: observability.flush, keyStore: access?.store }),
    configureExpress: (app) => app.use(consoleMiddleware(options.consoleAssetsDir ?? consoleAssetsDir)),
    responseStore,
    fileStore,
    host: options.host,
    port: options.port,
  }).catch(async (error: unknown) => {
    await responseStore.close();
    await access?.close();
    await cache.close();
    await observability.close();
    throw error;
  });
  return {
    ...serving,
    async close() {
      await serving.close();
      await http.close();
      // After the server: in-flight streams save their answer before they end.
      await responseStore.close();
      await access?.close();
      await cache.close();
      // Last: the log gets every request the server finished.
      await observability.close();
    },
  };
}
