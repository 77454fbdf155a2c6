import { HttpClient, type ProviderAdapter, type ProviderSettings } from '@switchyard/core';
import { type ProviderEntryOptions, ProviderCatalog, createHostAllowList } from '@switchyard/router';
import { type ServeGatewayOptions, type ServingGateway, serveGateway } from './serve-gateway.js';

/** One provider instance of the catalog: a slug, the id of a registered adapter, its settings. */
export interface AdapterEntry extends ProviderEntryOptions {
  slug: string;
  adapter: string;
  settings: ProviderSettings;
}

export interface ServeGatewayForAdaptersOptions extends Partial<Omit<ServeGatewayOptions, 'catalog'>> {
  adapters: ProviderAdapter[];
  entries?: AdapterEntry[];
}

export interface ServingGatewayForAdapters extends ServingGateway {
  catalog: ProviderCatalog;
}

/**
 * A gateway over a catalog built from adapters and entries, on a loopback port of the system's
 * choosing, trusting no host beyond loopback: what an embedding app or an adapter's e2e test
 * starts. Each option of `serveGateway` may be given to override these defaults. Unless an
 * `http` transport is given, the gateway gets an HttpClient of its own, closed by `close()`.
 */
export async function serveGatewayForAdapters(options: ServeGatewayForAdaptersOptions): Promise<ServingGatewayForAdapters> {
  const { adapters, entries = [], ...overrides } = options;
  const catalog = new ProviderCatalog();
  for (const adapter of adapters) catalog.registerAdapter(adapter);
  for (const { slug, adapter, settings, ...entryOptions } of entries) catalog.addEntry(slug, adapter, settings, entryOptions);
  const ownHttp = overrides.http ? undefined : new HttpClient();
  let gateway: ServingGateway;
  try {
    gateway = await serveGateway({
      ...overrides,
      host: overrides.host ?? '127.0.0.1',
      port: overrides.port ?? 0,
      hostAllowList: overrides.hostAllowList ?? createHostAllowList(),
      http: overrides.http ?? ownHttp!,
      catalog,
    });
  } catch (error) {
    await ownHttp?.close();
    throw error;
  }
  return {
    url: gateway.url,
    server: gateway.server,
    catalog,
    async close() {
      await gateway.close();
      await ownHttp?.close();
    },
  };
}
