import { type FileStore, InvalidRequestError, type ProviderCallContext } from '@switchyard/core';
import type { GatewayRequest } from '../gateway-types.js';
import { readGatewayHeader } from '../header-api.js';
import type { ResolvedTarget } from '../resolve-target.js';
import type { RouteContext } from '../route-context.js';
import { endpointNotServed, proxiesEndpoint } from './require-endpoint.js';
import { resolveProxyTarget } from './resolve-proxy-target.js';

/**
 * How a provider serves `/v1/files` or `/v1/batches`: `native` forwards the call as is (OpenAI,
 * Azure); `translated` uses the gateway's file store and the adapter's batch operations
 * (Anthropic's Message Batches).
 */
export interface FilesBatchesTarget {
  mode: 'native' | 'translated';
  target: ResolvedTarget;
  headers: Readonly<Record<string, string>>;
}

/**
 * Picks the provider for a files or batches call. When the gateway itself made the resource
 * (a stored file or batch record), `knownSlug` names its provider and wins: the client need not
 * repeat which provider holds it. Otherwise the header API (`x-switchyard-provider` /
 * `x-portkey-provider`), the routing config's first target, or the default provider decides, as
 * for every route whose body names no model. A provider serving neither way gets a 400 naming it
 * and the endpoint.
 */
export function pickFilesBatchesTarget(request: GatewayRequest, route: RouteContext, endpoint: 'files' | 'batches', knownSlug?: string): FilesBatchesTarget {
  let picked: { target: ResolvedTarget; headers: Readonly<Record<string, string>> };
  const named = readGatewayHeader(request.headers, 'provider')?.replace(/^@/, '');
  if (knownSlug !== undefined && named !== knownSlug) {
    const entry = route.resolution.catalog.resolve(knownSlug);
    picked = { target: { entry, settings: entry.settings, model: '' }, headers: request.headers };
    route.record.provider = entry.slug;
  } else {
    picked = resolveProxyTarget(request, route);
  }
  const adapter = picked.target.entry.adapter;
  const slug = picked.target.entry.slug;
  const native = proxiesEndpoint(adapter, endpoint);
  // Files: the provider's own files API first. Batches: the translated operation first, as for every endpoint.
  if (endpoint === 'files' && native) return { mode: 'native', ...picked };
  if (adapter.batches) return { mode: 'translated', ...picked };
  if (native) return { mode: 'native', ...picked };
  throw endpointNotServed(slug, endpoint, undefined);
}

/** The context an adapter's batch operations get for this request. */
export function batchCallContext(request: GatewayRequest, route: RouteContext, picked: FilesBatchesTarget): ProviderCallContext {
  return {
    settings: picked.target.settings,
    http: route.http,
    signal: request.signal,
    timeouts: route.timeouts,
    requestHeaders: picked.headers,
    warn: (warning) => route.warnings.push(warning),
  };
}

/** The gateway's file store, or the 400 saying it has none. */
export function fileStoreOf(route: RouteContext, slug: string): FileStore {
  if (!route.fileStore) {
    throw new InvalidRequestError(`Provider "${slug}" has no files API of its own and this gateway was started without a file store, so it cannot keep files for it.`, {
      code: 'file_store_not_configured',
    });
  }
  return route.fileStore;
}
