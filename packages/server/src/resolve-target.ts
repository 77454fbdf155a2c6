import { InvalidRequestError, type ProviderSettings } from '@switchyard/core';
import { type HostAllowList, type ProviderCatalog, type ProviderEntry, type ResolvedTargetSpec, parseModelString } from '@switchyard/router';
import { readBearerToken, readGatewayHeader } from './header-api.js';

/**
 * Headers `forward_headers` / `x-switchyard-forward-headers` may not forward: credentials (the
 * client's may be a gateway key, never to be shown to a provider), framing, and the gateway's own.
 */
const neverForwarded = /^(authorization|proxy-authorization|x-api-key|api-key|x-goog-api-key|cookie|host|content-length|content-type|transfer-encoding|connection|x-switchyard-.*|x-portkey-.*)$/;

/** Reads the client's provider key from the headers of its format. */
export type ClientKeyReader = (headers: Readonly<Record<string, string>>) => string | undefined;

export interface ResolvedTarget {
  entry: ProviderEntry;
  /** The entry's settings with the request's and the config target's overrides applied. */
  settings: ProviderSettings;
  /** The model id the upstream receives (the `@slug/` prefix removed). */
  model: string;
}

export interface TargetResolution {
  catalog: ProviderCatalog;
  hostAllowList: HostAllowList;
  /** The entry used when neither the config, the model string nor a header names one. */
  defaultProvider?: string;
  /** Operator-defined model aliases: `fast` -> `@groq/llama-3.3-70b`. */
  modelAliases?: Readonly<Record<string, string>>;
  /** Throws when the request's gateway key may not use this entry or model (managed keys). */
  authorizeTarget?(slug: string, model: string): void;
}

/**
 * Picks the provider instance for one attempt. A config target's `provider` (`openai` or
 * `@slug`) wins; else `@slug/model` names a catalog entry and uses its credentials (the
 * client's Authorization header is not a provider key then); else the header API
 * (`x-switchyard-provider`), where the bearer token, when sent, is the provider key as in
 * Portkey; else an operator alias; else the default provider.
 */
export function resolveTarget(
  requestedModel: string,
  headers: Readonly<Record<string, string>>,
  resolution: TargetResolution,
  readClientKey: ClientKeyReader = readBearerToken,
  spec?: ResolvedTargetSpec,
): ResolvedTarget {
  const aliased = resolution.modelAliases?.[requestedModel];
  const parsed = parseModelString(aliased ?? requestedModel);
  let entry: ProviderEntry;
  let settings: ProviderSettings;
  if (spec?.provider) {
    entry = resolution.catalog.resolve(spec.provider.replace(/^@/, ''));
    settings = entry.settings;
  } else if (parsed.providerSlug) {
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
    const clientKey = headerProvider ? readClientKey(headers) : undefined;
    if (clientKey) settings = { ...entry.settings, apiKey: clientKey };
    else settings = entry.settings;
  }
  if (spec?.apiKey) settings = { ...settings, apiKey: spec.apiKey };
  const customHost = spec?.customHost ?? readGatewayHeader(headers, 'custom-host');
  if (customHost) {
    if (!resolution.hostAllowList.isAllowed(customHost)) {
      throw new InvalidRequestError(
        'custom_host is not allowed: only loopback hosts and hosts on the operator allow-list (allowedHosts) can be reached.',
        { param: spec?.customHost ? 'x-switchyard-config' : 'x-switchyard-custom-host', code: 'custom_host_not_allowed' },
      );
    }
    settings = { ...settings, baseURL: customHost.replace(/\/+$/, '') };
  }
  const forwardList = [...(spec?.forwardHeaders ?? []), ...(readGatewayHeader(headers, 'forward-headers')?.split(',') ?? [])];
  if (forwardList.length > 0) {
    const forwarded: Record<string, string> = {};
    for (const raw of forwardList) {
      const name = raw.trim().toLowerCase();
      const value = headers[name];
      if (value !== undefined && !neverForwarded.test(name)) forwarded[name] = value;
    }
    settings = { ...settings, headers: { ...settings.headers, ...forwarded } };
  }
  resolution.authorizeTarget?.(entry.slug, parsed.model);
  return { entry, settings, model: parsed.model };
}
