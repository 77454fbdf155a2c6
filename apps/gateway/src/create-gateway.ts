import { HttpClient, type ProviderAdapter } from '@switchyard/core';
import { createHostAllowList } from '@switchyard/router';
import { type RequestRecord, type ServingGateway, serveGateway } from '@switchyard/server';
import { buildCatalog } from './build-catalog.js';
import { bundledAdapters } from './bundled-adapters.js';
import type { GatewayConfig } from './gateway-config.js';
import { openResponseStore } from './open-response-store.js';

export interface GatewayOptions {
  config: GatewayConfig;
  host: string;
  port: number;
  env?: NodeJS.ProcessEnv;
  adapters?: ProviderAdapter[];
  onRequestComplete?(record: RequestRecord): void;
  /** Where a relative `responses.path` is resolved. Default: the process's working directory. */
  cwd?: string;
}

export type RunningGateway = ServingGateway;

/** Wires the bundled adapters, the catalog from config and environment, and the server into a listening gateway. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  const http = new HttpClient();
  const responseStore = await openResponseStore(config.responses, options.cwd);
  const serving = await serveGateway({
    catalog: buildCatalog(options.adapters ?? bundledAdapters(), config, options.env ?? process.env),
    hostAllowList: createHostAllowList(config.allowedHosts),
    http,
    defaultProvider: config.defaultProvider ?? 'mock',
    modelAliases: config.aliases,
    configs: config.configs,
    defaultConfig: config.defaultConfig,
    routing: config.retry,
    timeouts: config.timeouts,
    bodyLimitBytes: config.bodyLimitBytes,
    shutdownGraceMs: config.shutdownGraceMs,
    onRequestComplete: options.onRequestComplete,
    responseStore,
    host: options.host,
    port: options.port,
  }).catch(async (error: unknown) => {
    await responseStore.close();
    throw error;
  });
  return {
    ...serving,
    async close() {
      await serving.close();
      await http.close();
      // After the server: in-flight streams save their answer before they end.
      await responseStore.close();
    },
  };
}
