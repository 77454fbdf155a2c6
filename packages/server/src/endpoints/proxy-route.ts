import { type EndpointId, endpointIds, endpointPaths } from '@switchyard/core';
import type { GatewayRequest, GatewayResponse } from '../gateway-types.js';
import type { RouteContext } from '../route-context.js';
import { proxyToProvider } from './proxy-to-provider.js';
import { resolveProxyTarget } from './resolve-proxy-target.js';
import { streamedRoute } from './streamed-route.js';

/**
 * Any `/v1/*` call the gateway has no other route for (fine-tuning jobs, vector stores, a
 * provider's newest endpoint), forwarded untouched to the provider the headers, the config's
 * first target or the default name: method, path, query, body streamed both ways, the
 * provider's auth added. A path under a known endpoint (`/v1/fine_tuning/…`) is checked against
 * the adapter's `capabilities.endpoints`.
 */
export const proxyRoute = streamedRoute(async function handleProxy(request: GatewayRequest, route: RouteContext): Promise<GatewayResponse> {
  const { target, headers } = resolveProxyTarget(request, route);
  return proxyToProvider(request, route, target, {
    path: request.path.slice('/v1'.length),
    endpoint: endpointForPath(request.path),
    requestHeaders: headers,
  });
});

/** The known endpoint a path belongs to (`/v1/fine_tuning/jobs/ft-1/events` -> fine_tuning), if any. */
export function endpointForPath(path: string): EndpointId | undefined {
  if (path.startsWith('/v1/fine_tuning/')) return 'fine_tuning';
  for (const id of endpointIds) {
    const base = endpointPaths[id];
    if (path === base || path.startsWith(`${base}/`)) return id;
  }
  return undefined;
}
