import { resolve } from 'node:path';
import { type AccessGroup, openAccess } from '@switchyard/access';
import type { ProviderCatalog } from '@switchyard/router';
import type { GatewayConfig } from './gateway-config.js';

/** Opens managed keys, limits and budgets when the config has an `access` section; prices come from the catalog's model metadata. */
export async function openAccessControl(config: GatewayConfig['access'], catalog: ProviderCatalog, cwd: string = process.cwd()) {
  if (!config) return undefined;
  return openAccess(
    {
      ...config,
      url: config.store === 'sqlite' ? resolve(cwd, config.url ?? '.switchyard/access.db') : config.url,
      teams: config.teams as Record<string, AccessGroup>,
      orgs: config.orgs as Record<string, AccessGroup>,
    },
    {
      pricesOf(provider, model) {
        const entries = catalog.listEntries();
        const entry = provider ? entries.find((candidate) => candidate.slug === provider) : entries.find((candidate) => candidate.models?.[model]?.prices);
        return entry?.models?.[model]?.prices;
      },
    },
  );
}
