import type { RoutingConfig } from '@switchyard/router';
import { type ResolvedTargetSpec, inheritSettings, resolveTargetSpec, rootSettings } from '@switchyard/router';
import type { GatewayRequest } from '../gateway-types.js';
import { readRoutingConfig } from '../read-routing-config.js';
import { type ResolvedTarget, resolveTarget } from '../resolve-target.js';
import type { RouteContext } from '../route-context.js';
import { targetHeaders } from '../target-headers.js';

export interface ProxyTarget {
  target: ResolvedTarget;
  /** The headers the adapter sees: the client's plus the config target's provider settings. */
  headers: Readonly<Record<string, string>>;
}

/**
 * Picks the provider of a route whose body names no model (fine-tuning jobs, files, unknown
 * `/v1/*` paths), with chat's precedence: the routing config's first target when it names a
 * provider (`provider` / `virtual_key`, with its api_key, custom_host and provider settings),
 * else `x-switchyard-provider` (or `x-portkey-provider`) with the bearer token as the provider
 * key, else the gateway's default provider. Only the first target: an upload streams through
 * once, so there is nothing to retry or fall back with.
 */
export function resolveProxyTarget(request: GatewayRequest, route: RouteContext): ProxyTarget {
  const config = readRoutingConfig(request.headers, route.routing.configs);
  const spec = config ? firstTargetSpec(config) : undefined;
  const headers = spec ? targetHeaders(request.headers, spec) : request.headers;
  const target = resolveTarget('', headers, route.resolution, undefined, spec);
  route.record.provider = target.entry.slug;
  return { target, headers };
}

/** The first leaf of the config tree (first target of every strategy), with what it inherits. */
export function firstTargetSpec(config: RoutingConfig): ResolvedTargetSpec {
  let node = config;
  let settings = inheritSettings(rootSettings, node);
  let path = 'config';
  while (node.targets && node.targets.length > 0) {
    node = node.targets[0]!;
    settings = inheritSettings(settings, node);
    path += '.targets[0]';
  }
  return resolveTargetSpec(node, settings, path);
}
