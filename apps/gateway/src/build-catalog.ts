import { readFileSync } from 'node:fs';
import type { ProviderAdapter, ProviderSettings } from '@switchyard/core';
import { ProviderCatalog } from '@switchyard/router';
import type { GatewayConfig } from './gateway-config.js';

/**
 * Every adapter gets a default entry named after it, with credentials from its standard
 * environment variables (OPENAI_API_KEY, …) when set; the config file adds named entries.
 * This is the one place the environment is read for providers.
 */
export function buildCatalog(adapters: ProviderAdapter[], config: GatewayConfig, env: NodeJS.ProcessEnv): ProviderCatalog {
  const catalog = new ProviderCatalog();
  for (const adapter of adapters) {
    const settings: ProviderSettings = {};
    const apiKey = adapter.environment?.apiKey ? env[adapter.environment.apiKey] : undefined;
    const baseURL = adapter.environment?.baseURL ? env[adapter.environment.baseURL] : undefined;
    if (apiKey) settings.apiKey = apiKey;
    if (baseURL) settings.baseURL = baseURL;
    for (const [option, variable] of Object.entries(adapter.environment?.options ?? {})) {
      const value = env[variable];
      if (value) (settings.options ??= {})[option] = value;
    }
    for (const [option, variable] of Object.entries(adapter.environment?.fileOptions ?? {})) {
      const path = env[variable];
      if (path) (settings.options ??= {})[option] = readOptionFile(path, variable);
    }
    catalog.registerAdapter(adapter, settings);
  }
  for (const [slug, entry] of Object.entries(config.providers)) {
    if (!catalog.adapter(entry.adapter)) {
      const known = adapters.map((adapter) => adapter.id).join(', ');
      throw new Error(`providers.${slug}.adapter: unknown adapter "${entry.adapter}" (known: ${known})`);
    }
    catalog.addEntry(
      slug,
      entry.adapter,
      { apiKey: entry.apiKey, baseURL: entry.baseURL, headers: entry.headers, options: entry.options },
      { defaultParams: entry.defaultParams, models: entry.models, timeouts: entry.timeouts },
    );
  }
  return catalog;
}

/** Reads a file an environment variable points at, once at start; a clear error names the variable. */
function readOptionFile(path: string, variable: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${variable} points at ${path}, which cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
