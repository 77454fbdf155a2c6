import { buildCatalog, bundledAdapters, type GatewayConfig } from '@switchyard/gateway';
import { createEmbeddedFetch, createEmbeddedGateway, embeddedBaseURL, type EmbeddedProvider, Switchyard } from '@switchyard/sdk';
import type { CliIo } from './cli-io.js';
import { gatewayBaseURL } from './gateway-url.js';

/** A client of a gateway: a running one (`--url`) or one embedded in this process. */
export interface GatewayClient {
  client: Switchyard;
  /** The `/v1` base URL requests go to. */
  baseURL: string;
  /** The fetch requests go through (in-process when embedded). */
  fetch: typeof fetch;
  apiKey: string;
  embedded: boolean;
  close(): Promise<void>;
}

export function openRemoteClient(io: CliIo, url: string, apiKey: string | undefined): GatewayClient {
  const baseURL = gatewayBaseURL(url);
  const key = apiKey ?? io.env.SWITCHYARD_API_KEY ?? 'switchyard';
  const client = new Switchyard({ baseURL, apiKey: key, maxRetries: 0 });
  return { client, baseURL, fetch: globalThis.fetch, apiKey: key, embedded: false, close: async () => {} };
}

/**
 * The embedded gateway with the same catalog `switchyard serve` would build: the bundled
 * adapters, their keys from the environment, and the config's entries, aliases and configs.
 */
export function openEmbeddedClient(io: CliIo, config: GatewayConfig): GatewayClient {
  const adapters = bundledAdapters();
  const catalog = buildCatalog(adapters, config, io.env);
  const providers: Record<string, EmbeddedProvider> = {};
  for (const entry of catalog.listEntries()) {
    providers[entry.slug] = { adapter: entry.adapter.id, ...entry.settings, defaultParams: entry.defaultParams };
  }
  const gateway = createEmbeddedGateway({
    adapters,
    providers,
    defaultProvider: config.defaultProvider ?? 'mock',
    modelAliases: config.aliases,
    configs: config.configs,
    allowedHosts: config.allowedHosts,
    timeouts: config.timeouts,
    routing: config.retry,
  });
  const fetch = createEmbeddedFetch(gateway.handler);
  const apiKey = 'switchyard';
  const client = new Switchyard({ baseURL: embeddedBaseURL, apiKey, fetch, maxRetries: 0 });
  return { client, baseURL: embeddedBaseURL, fetch, apiKey, embedded: true, close: gateway.close };
}
