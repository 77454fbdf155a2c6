import { type FileStore, HttpClient, type HttpTimeouts, type ProviderAdapter, type ResponseStore } from '@switchyard/core';
import { ProviderCatalog, createHostAllowList } from '@switchyard/router';
import { type GatewayHandler, type GatewayHandlerOptions, type RequestRecord, createGatewayHandler } from '@switchyard/server';

/** One catalog entry of an embedded gateway: `@<slug>/model` picks it. */
export interface EmbeddedProvider {
  /** The id of one of `adapters`. */
  adapter: string;
  apiKey?: string;
  /** The provider's base URL, version segment included where the provider's public base has one. */
  baseURL?: string;
  headers?: Record<string, string>;
  /** Adapter-specific settings (e.g. Bedrock's region). */
  options?: Record<string, unknown>;
  /** Request params applied under the caller's own. */
  defaultParams?: Record<string, unknown>;
}

export interface EmbeddedGatewayOptions {
  /** The adapters this process can call; each also gets an entry named after its id. */
  adapters: ProviderAdapter[];
  providers?: Record<string, EmbeddedProvider>;
  /** The entry for requests that name no provider. */
  defaultProvider?: string;
  /** Model aliases: `fast` -> `@groq/llama-3.3-70b`. */
  modelAliases?: Record<string, string>;
  /** Named routing configs a request (or `config: '<id>'`) may name. */
  configs?: Record<string, unknown>;
  /** Hosts `customHost` may point at. */
  allowedHosts?: string[];
  timeouts?: HttpTimeouts;
  routing?: GatewayHandlerOptions['routing'];
  /** Called once per request when its answer is complete: the gateway's request log. */
  onRequestComplete?(record: RequestRecord): void;
  /**
   * Where stateful Responses are kept (`store`, `previous_response_id`, `responses.retrieve`,
   * `.delete`, `.inputItems`) for providers that keep none: any object with the `ResponseStore`
   * methods, such as `createMemoryResponseStore()` or `createSqliteResponseStore({ path })` from
   * `@switchyard/storage`. Without one those calls answer 400 and `store: true` gets a warning.
   * The caller owns it: `close()` leaves it open.
   */
  responseStore?: ResponseStore;
  /**
   * Where uploads and batch records are kept for providers with a batch API but no files API
   * (Anthropic's Message Batches behind `files` and `batches`), e.g. `createMemoryFileStore()` or
   * `createDiskFileStore({ dir })` from `@switchyard/storage`. Without one those calls answer 400.
   */
  fileStore?: FileStore;
}

export interface EmbeddedGateway {
  handler: GatewayHandler;
  close(): Promise<void>;
}

/** The gateway handler built in-process from adapters and provider entries. */
export function createEmbeddedGateway(options: EmbeddedGatewayOptions): EmbeddedGateway {
  const catalog = new ProviderCatalog();
  for (const adapter of options.adapters) catalog.registerAdapter(adapter);
  for (const [slug, entry] of Object.entries(options.providers ?? {})) {
    if (!catalog.adapter(entry.adapter)) {
      const known = options.adapters.map((adapter) => adapter.id).join(', ');
      throw new Error(`providers.${slug}.adapter: unknown adapter "${entry.adapter}" (known: ${known})`);
    }
    catalog.addEntry(slug, entry.adapter, { apiKey: entry.apiKey, baseURL: entry.baseURL, headers: entry.headers, options: entry.options }, { defaultParams: entry.defaultParams });
  }
  const http = new HttpClient();
  const handler = createGatewayHandler({
    catalog,
    hostAllowList: createHostAllowList(options.allowedHosts),
    http,
    defaultProvider: options.defaultProvider,
    modelAliases: options.modelAliases,
    configs: options.configs,
    timeouts: options.timeouts,
    routing: options.routing,
    onRequestComplete: options.onRequestComplete,
    responseStore: options.responseStore,
    fileStore: options.fileStore,
  });
  return { handler, close: () => http.close() };
}
