import { type HttpTimeouts, NotFoundError, type ProviderAdapter, type ProviderSettings } from '@switchyard/core';

/** One provider instance in the catalog: an adapter plus its credentials and base URL. */
export interface ProviderEntry {
  /** The slug clients use: `@<slug>/model` or `x-switchyard-provider: <slug>`. */
  slug: string;
  adapter: ProviderAdapter;
  settings: ProviderSettings;
  /** Request params applied under the client's own (the client's values win). */
  defaultParams?: Record<string, unknown>;
  /** What the operator knows of this entry's models (context window, prices), listed by GET /v1/models. */
  models?: Record<string, ModelMetadata>;
  /** Upstream deadlines for this entry, field by field over the gateway's. */
  timeouts?: HttpTimeouts;
}

/** Facts about one model of an entry. Prices are USD per million tokens. */
export interface ModelMetadata {
  contextWindow?: number;
  maxOutputTokens?: number;
  prices?: { input?: number; output?: number; cachedInput?: number; cacheWrite?: number; reasoning?: number };
}

export interface ProviderEntryOptions {
  defaultParams?: Record<string, unknown>;
  models?: Record<string, ModelMetadata>;
  timeouts?: HttpTimeouts;
}

/** Adapters by id and provider entries by slug; every adapter also has an entry named after it. */
export class ProviderCatalog {
  private readonly adapters = new Map<string, ProviderAdapter>();
  private readonly entries = new Map<string, ProviderEntry>();
  /** Alias -> adapter id, for the default entries (Portkey's provider ids). */
  private readonly aliases = new Map<string, string>();

  registerAdapter(adapter: ProviderAdapter, defaultSettings: ProviderSettings = {}): void {
    if (this.adapters.has(adapter.id)) throw new Error(`Two adapters share the id "${adapter.id}"`);
    this.adapters.set(adapter.id, adapter);
    if (!this.entries.has(adapter.id)) this.entries.set(adapter.id, { slug: adapter.id, adapter, settings: defaultSettings });
    for (const alias of adapter.aliases ?? []) if (alias !== adapter.id) this.aliases.set(alias, adapter.id);
  }

  addEntry(slug: string, adapterId: string, settings: ProviderSettings, options: ProviderEntryOptions = {}): void {
    const adapter = this.adapters.get(adapterId);
    if (!adapter) throw new Error(`Provider entry "${slug}" names the unknown adapter "${adapterId}"`);
    this.entries.set(slug, { slug, adapter, settings, ...options });
  }

  adapter(id: string): ProviderAdapter | undefined {
    return this.adapters.get(id);
  }

  listAdapters(): ProviderAdapter[] {
    return [...this.adapters.values()];
  }

  listEntries(): ProviderEntry[] {
    return [...this.entries.values()];
  }

  /** The entry for a slug, or a NotFoundError naming it and what exists. */
  resolve(slug: string): ProviderEntry {
    const entry = this.entries.get(slug) ?? this.entries.get(this.aliases.get(slug) ?? '');
    if (entry) return entry;
    throw new NotFoundError(`Unknown provider "${slug}". Known providers: ${[...this.entries.keys()].join(', ')}.`, {
      code: 'provider_not_found',
    });
  }
}
