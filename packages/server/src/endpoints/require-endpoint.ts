import { type EndpointId, InvalidRequestError, type ProviderAdapter, endpointPaths } from '@switchyard/core';

/** Whether the adapter serves the endpoint by forwarding it (`proxy` and the endpoint declared). */
export function proxiesEndpoint(adapter: ProviderAdapter, endpoint: EndpointId): boolean {
  return adapter.proxy !== undefined && (adapter.capabilities.endpoints?.includes(endpoint) ?? false);
}

/**
 * The 400 for a provider that does not serve an endpoint, naming both. It names the provider, so
 * in a fallback config the router moves on to the next target, as for an upstream refusal.
 */
export function endpointNotServed(slug: string, endpoint: EndpointId, param: 'model' | undefined): InvalidRequestError {
  return new InvalidRequestError(
    `Provider "${slug}" does not serve ${endpointPaths[endpoint]} (${endpoint}); pick a provider that lists it (see the endpoint table in docs/providers.md).`,
    { param, code: 'endpoint_not_supported', provider: slug },
  );
}
