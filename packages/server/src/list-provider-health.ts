import type { HealthTracker, ProviderCatalog, TargetHealthSnapshot } from '@switchyard/router';

export interface ProviderTargetHealth extends TargetHealthSnapshot {
  /** The health record's key: provider, custom host and model, joined with `|`. */
  key: string;
  model?: string;
}

/** One catalog entry as `GET /admin/providers` shows it: no credentials, only what they are for. */
export interface ProviderEntryView {
  slug: string;
  adapter: string;
  aliases: string[];
  /** Without user or password, when the configured URL carried them. */
  baseURL?: string;
  hasApiKey: boolean;
  nativeFormat?: string;
  passthrough: boolean;
  chat?: Record<string, boolean>;
  endpoints: string[];
  models: string[];
  health: {
    /** The worst state of its targets: `open` while any is cooling down. */
    state: 'closed' | 'open' | 'half-open';
    calls: number;
    failures: number;
    /** Failures over calls in the tracker's window (a minute by default); absent with no calls. */
    errorRate?: number;
    latencyMs?: number;
    targets: ProviderTargetHealth[];
  };
}

/**
 * The catalog with each entry's health: the router's circuit records (one per provider, host and
 * model) grouped under the entry they name. Records that name no entry (a request that picked its
 * provider by header) are returned apart, as `unattributed`.
 */
export function listProviderHealth(catalog: ProviderCatalog, health: HealthTracker): { data: ProviderEntryView[]; unattributed: ProviderTargetHealth[] } {
  const bySlug = new Map<string, ProviderTargetHealth[]>();
  const unattributed: ProviderTargetHealth[] = [];
  for (const record of health.list()) {
    const [provider = '', , model = ''] = record.key.split('|');
    const fromModel = model.startsWith('@') && model.includes('/') ? model.slice(1, model.indexOf('/')) : undefined;
    const slug = provider ? provider.replace(/^@/, '') : fromModel;
    const target: ProviderTargetHealth = { ...record, ...(model ? { model: fromModel && !provider ? model.slice(model.indexOf('/') + 1) : model } : {}) };
    const entry = slug === undefined ? undefined : safeResolve(catalog, slug);
    if (entry) (bySlug.get(entry) ?? bySlug.set(entry, []).get(entry)!).push(target);
    else unattributed.push(target);
  }
  const data = catalog.listEntries().map((entry): ProviderEntryView => {
    const targets = bySlug.get(entry.slug) ?? [];
    const calls = targets.reduce((sum, target) => sum + target.calls, 0);
    const failures = targets.reduce((sum, target) => sum + target.failures, 0);
    const latencies = targets.map((target) => target.latencyMs).filter((value): value is number => value !== undefined);
    const adapter = entry.adapter;
    return {
      slug: entry.slug,
      adapter: adapter.id,
      aliases: [...(adapter.aliases ?? [])],
      ...(entry.settings.baseURL ? { baseURL: withoutCredentials(entry.settings.baseURL) } : {}),
      hasApiKey: Boolean(entry.settings.apiKey),
      ...(adapter.nativeFormat ? { nativeFormat: adapter.nativeFormat } : {}),
      passthrough: Boolean(adapter.nativeFormat && adapter.passthrough),
      ...(adapter.capabilities.chat ? { chat: { ...adapter.capabilities.chat } } : {}),
      endpoints: [...(adapter.capabilities.endpoints ?? [])],
      models: Object.keys(entry.models ?? {}),
      health: {
        state: targets.some((target) => target.state === 'open') ? 'open' : targets.some((target) => target.state === 'half-open') ? 'half-open' : 'closed',
        calls,
        failures,
        ...(calls > 0 ? { errorRate: failures / calls } : {}),
        ...(latencies.length > 0 ? { latencyMs: latencies.reduce((sum, value) => sum + value, 0) / latencies.length } : {}),
        targets,
      },
    };
  });
  return { data, unattributed };
}

function safeResolve(catalog: ProviderCatalog, slug: string): string | undefined {
  try {
    return catalog.resolve(slug).slug;
  } catch {
    return undefined;
  }
}

function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}
