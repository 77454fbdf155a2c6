import type { ModelPrice } from './model-price.js';
import { shippedPrices } from './shipped-prices.js';

/** An operator's price for one model: any field of the shipped entry, replaced. */
export type PriceOverride = Partial<Omit<ModelPrice, 'provider' | 'model'>>;

export interface PriceCatalog {
  /** The price of a model at a provider; dated snapshots (`gpt-4o-2024-08-06`) fall back to their family. */
  find(provider: string, model: string): ModelPrice | undefined;
  entries(): ModelPrice[];
}

export interface PriceCatalogOptions {
  /** Replaces the shipped list (a converted LiteLLM file, for example). */
  prices?: readonly ModelPrice[];
  /** Per provider, per model: fields that replace the entry's; a model not in the list is added. */
  overrides?: Record<string, Record<string, PriceOverride>>;
  /** For overrides that name no effective date (default: today). */
  today?: string;
  /** Where an override of a named entry (`my-openai`) finds its shipped base (`openai`). */
  baseProviderOf?(provider: string): string | undefined;
}

export function createPriceCatalog(options: PriceCatalogOptions = {}): PriceCatalog {
  const byKey = new Map<string, ModelPrice>();
  for (const price of options.prices ?? shippedPrices) byKey.set(keyOf(price.provider, price.model), price);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  for (const [provider, models] of Object.entries(options.overrides ?? {})) {
    for (const [model, override] of Object.entries(models)) {
      const baseProvider = options.baseProviderOf?.(provider);
      const base = byKey.get(keyOf(provider, model)) ?? (baseProvider === undefined ? undefined : findIn(byKey, baseProvider, model));
      const merged = { ...base, ...override, provider, model, source: 'config', effectiveDate: override.effectiveDate ?? today };
      if (merged.input === undefined || merged.output === undefined) {
        throw new TypeError(`The price override for ${provider}/${model} needs \`input\` and \`output\` (USD per million tokens): the model has no shipped price to start from.`);
      }
      byKey.set(keyOf(provider, model), merged as ModelPrice);
    }
  }
  const found = new Map<string, ModelPrice | undefined>();
  return {
    find(provider, model) {
      // Asked on every request: the answer (found or not) is remembered, in a bounded map.
      const key = keyOf(provider, model);
      if (found.has(key)) return found.get(key);
      const price = findIn(byKey, provider, model);
      if (found.size >= 10_000) found.clear();
      found.set(key, price);
      return price;
    },
    entries: () => [...byKey.values()],
  };
}

function findIn(byKey: Map<string, ModelPrice>, provider: string, model: string): ModelPrice | undefined {
  for (const candidate of modelCandidates(model)) {
    const price = byKey.get(keyOf(provider, candidate));
    if (price) return price;
  }
  return undefined;
}

function keyOf(provider: string, model: string): string {
  return `${provider}\u0000${model.toLowerCase()}`;
}

// Providers answer with dated snapshots (gpt-4o-2024-08-06, claude-sonnet-4-5-20250929) or a
// `-latest` alias; Bedrock and Vertex put a vendor prefix and a version suffix around the id.
function modelCandidates(model: string): string[] {
  const candidates = [model];
  const withoutPrefix = model.replace(/^(models\/|[a-z]+\.)/, '');
  const withoutVersion = withoutPrefix.replace(/(-v\d+(:\d+)?|@\d+)$/, '');
  const withoutDate = withoutVersion.replace(/-(\d{4}-\d{2}-\d{2}|\d{8}|\d{2}-\d{4}|latest|preview(-[\w-]+)?)$/, '');
  for (const candidate of [withoutPrefix, withoutVersion, withoutDate]) if (!candidates.includes(candidate)) candidates.push(candidate);
  return candidates;
}
