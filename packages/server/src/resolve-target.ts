import { InvalidRequestError, type ProviderSettings } from '@switchyard/core';
import { type HostAllowList, type ProviderCatalog, type ProviderEntry, parseModelString } from '@switchyard/router';
import { readBearerToken, readGatewayHeader } from './header-api.js';

/** Reads the client's provider key from the headers of its format. */
export type ClientKeyReader = (headers: Readonly<Record<string, string>>) => string | undefined;

export interface ResolvedTarget {
  entry: ProviderEntry;
  /** The entry's settings with the request's overrides applied (key, custom host). */
  settings: ProviderSettings;
  /** The model id the upstream receives (the `@slug/` prefix removed). */
  model: string;
}

export interface TargetResolution {
  catalog: ProviderCatalog;
  hostAllowList: HostAllowList;
  /** The entry used when neither the model string nor a header names one. */
  defaultProvider?: string;
}

/**
 * Picks the provider instance for a request. `@slug/model` names a catalog entry and uses
 * its credentials (the client's Authorization header is not a provider key then). The header
 * API (`x-switchyard-provider`) picks an entry too, and there the bearer token, when sent,
 * is the provider key, as in Portkey.
 */
export function resolveTarget(
  model: string,
  headers: Readonly<Record<string, string>>,
  resolution: TargetResolution,
  readClientKey: ClientKeyReader = readBearerToken,
): ResolvedTarget {
  const parsed = parseModelString(model);
  let entry: ProviderEntry;
  let settings: ProviderSettings;
  if (parsed.providerSlug) {
    entry = resolution.catalog.resolve(parsed.providerSlug);
    settings = entry.settings;
  } else {
    const headerProvider = readGatewayHeader(headers, 'provider');
    const slug = headerProvider ? headerProvider.replace(/^@/, '') : resolution.defaultProvider;
    if (!slug) {
      throw new InvalidRequestError('No provider given: use a model of the form "@provider/model" or the x-switchyard-provider header.', {
        param: 'model',
      });
    }
    entry = resolution.catalog.resolve(slug);
    const bearer = headerProvider ? readClientKey(headers) : undefined;
    settings = bearer ? { ...entry.settings, apiKey: bearer } : entry.settings;
  }
  const customHost = readGatewayHeader(headers, 'custom-host');
  if (customHost) {
    if (!resolution.hostAllowList.isAllowed(customHost)) {
      throw new InvalidRequestError(
        'x-switchyard-custom-host is not allowed: only loopback hosts and hosts on the operator allow-list (allowedHosts) can be reached.',
        { param: 'x-switchyard-custom-host', code: 'custom_host_not_allowed' },
      );
    }
    settings = { ...settings, baseURL: customHost.replace(/\/+$/, '') };
  }
  return { entry, settings, model: parsed.model };
}
