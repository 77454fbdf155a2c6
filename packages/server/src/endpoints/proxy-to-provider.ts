import { type EndpointId, GatewayError, type ProviderCallContext, type ProxyRequest, readUpstreamError, toGatewayError } from '@switchyard/core';
import { attemptTimeouts } from '../attempt-timeouts.js';
import type { GatewayRequest, GatewayResponse } from '../gateway-types.js';
import { relayHeaders } from '../relay-headers.js';
import type { ResolvedTarget } from '../resolve-target.js';
import type { RouteContext } from '../route-context.js';
import { rememberVerbatimError } from '../verbatim-error.js';
import { endpointNotServed, proxiesEndpoint } from './require-endpoint.js';
import { requestBodyStream } from './request-body-stream.js';

export interface ProxyToProviderOptions {
  /** The path after `/v1` sent to the provider (`/files/file-abc/content`). */
  path: string;
  /** The known endpoint this is, checked against the adapter's `capabilities.endpoints`; absent for unknown paths. */
  endpoint?: EndpointId;
  /** The body to send instead of the client's (a re-serialised JSON or re-encoded form). Default: the client's body, streamed. */
  body?: Uint8Array | string | AsyncIterable<Uint8Array>;
  /** The content-type of `body` when it differs from the client's (a re-encoded multipart boundary). */
  contentType?: string;
  /** The model the body names, already rewritten to the provider's id. */
  model?: string;
  /** The headers the adapter sees (`targetHeaders` of a config target). Default: the client's. */
  requestHeaders?: Readonly<Record<string, string>>;
  /** The attempt's signal when the call runs inside a routing plan. Default: the client's. */
  signal?: AbortSignal;
  /** Called when the upstream's answer starts (the routing plan's `reportFirstByte`). */
  onFirstByte?(): void;
  /**
   * `return` (default): an upstream error status goes back to the client as it came.
   * `throw`: it is thrown as an UpstreamError so a routing plan can retry or fall back, and is
   * still answered verbatim when it is the last.
   */
  upstreamErrors?: 'return' | 'throw';
}

/** Client headers that describe the body or the wanted answer; credentials and gateway headers never go. */
const forwardedContentHeaders = ['content-type', 'accept', 'openai-beta', 'idempotency-key'];

/** Response headers that could echo a credential back; never relayed. */
const credentialHeaders = new Set(['authorization', 'proxy-authorization', 'api-key', 'x-api-key', 'x-goog-api-key']);

/**
 * Forwards one OpenAI-API call to a provider that serves it in OpenAI's shape, as bytes both ways.
 *
 * Checks the adapter serves `options.endpoint` (`proxy` present and the endpoint in
 * `capabilities.endpoints`; for an unknown path, `proxy` present) and otherwise throws the 400
 * (404 for an unknown path) naming provider and endpoint. Builds the ProviderCallContext from
 * the resolved target, calls `adapter.proxy` with the method, path, query, the client's content
 * headers and the body — streamed from the client unless `options.body` replaces it, so an
 * upload is never held whole — and returns the upstream's status, headers (hop-by-hop and
 * credential headers dropped; `content-length` kept when the bytes go out unchanged) and body
 * streamed back. Upstream error statuses come back verbatim (or are thrown, see
 * `upstreamErrors`). A client that leaves aborts the upstream call; a body over the host's
 * upload limit ends it with a 413.
 */
export async function proxyToProvider(
  request: GatewayRequest,
  route: RouteContext,
  target: ResolvedTarget,
  options: ProxyToProviderOptions,
): Promise<GatewayResponse> {
  const adapter = target.entry.adapter;
  const slug = target.entry.slug;
  route.record.provider = slug;
  if (options.endpoint ? !proxiesEndpoint(adapter, options.endpoint) : !adapter.proxy) {
    if (options.endpoint) throw endpointNotServed(slug, options.endpoint, options.model === undefined ? undefined : 'model');
    throw new GatewayError('not_found', `No route for ${request.method} ${request.path}: the gateway does not know this path, and provider "${slug}" cannot forward unknown paths.`, {
      code: 'unknown_url',
    });
  }
  const requestHeaders = options.requestHeaders ?? request.headers;
  const headers: Record<string, string> = {};
  for (const name of forwardedContentHeaders) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  if (options.contentType) headers['content-type'] = options.contentType;
  const body = new ObservedBody(options.body === undefined ? requestBodyStream(request) : options.body);
  // The client's declared length stays true only for its own bytes, streamed unchanged.
  if (options.body === undefined && body.present && request.headers['content-length'] !== undefined) headers['content-length'] = request.headers['content-length'];
  const proxyRequest: ProxyRequest = { method: request.method, path: options.path, headers };
  if (request.query !== undefined) proxyRequest.query = request.query;
  if (body.present) proxyRequest.body = body.iterable();
  if (options.model !== undefined) proxyRequest.model = options.model;
  if (options.endpoint) proxyRequest.endpoint = options.endpoint;
  const callContext: ProviderCallContext = {
    settings: target.settings,
    http: route.http,
    signal: options.signal ?? request.signal,
    timeouts: attemptTimeouts(route.timeouts, target.entry),
    requestHeaders,
    warn: (warning) => route.warnings.push(warning),
  };

  let upstream;
  try {
    upstream = await adapter.proxy!(proxyRequest, callContext);
  } catch (error) {
    // The client's body failed (over the upload limit): that, not the broken upstream call, is the answer.
    throw body.error ?? error;
  }
  options.onFirstByte?.();
  route.record.passthrough = true;
  const responseHeaders = relayHeaders(upstream.headers);
  for (const name of credentialHeaders) delete responseHeaders[name];
  if (upstream.status >= 300 && options.upstreamErrors === 'throw') {
    const error = await readUpstreamError(upstream, adapter.id);
    rememberVerbatimError(error, undefined, {
      status: upstream.status,
      headers: { ...responseHeaders, 'content-type': upstream.headers['content-type'] ?? 'application/json' },
      body: error.body === undefined ? '' : typeof error.body === 'string' ? error.body : JSON.stringify(error.body),
    });
    throw error;
  }
  const length = upstream.headers['content-length'];
  if (length !== undefined && upstream.headers['content-encoding'] === undefined) responseHeaders['content-length'] = length;
  return { status: upstream.status, headers: responseHeaders, body: relayBody(upstream, route, body) };
}

/** Streams the answer back; a client that leaves or a cut upstream frees the connection and marks the record. */
async function* relayBody(upstream: { body: AsyncIterable<Uint8Array>; dispose(): void }, route: RouteContext, body: ObservedBody): AsyncGenerator<Uint8Array> {
  let complete = false;
  try {
    for await (const chunk of upstream.body) yield chunk;
    complete = true;
  } catch (error) {
    const gatewayError = toGatewayError(body.error ?? error);
    route.record.errorKind = gatewayError.kind;
    route.record.errorMessage = gatewayError.message;
    throw error;
  } finally {
    if (!complete) {
      route.record.incomplete = true;
      upstream.dispose();
    }
  }
}

/** The body sent upstream, remembering the error its source raised (the upload limit) so the route can answer with it. */
class ObservedBody {
  error: unknown;
  readonly present: boolean;
  constructor(private readonly source: Uint8Array | string | AsyncIterable<Uint8Array> | undefined) {
    this.present = source !== undefined && !(typeof source !== 'object' ? source.length === 0 : source instanceof Uint8Array && source.byteLength === 0);
  }

  iterable(): Uint8Array | AsyncIterable<Uint8Array> {
    const source = this.source!;
    if (typeof source === 'string') return new TextEncoder().encode(source);
    if (source instanceof Uint8Array) return source;
    return this.watch(source);
  }

  private async *watch(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    try {
      yield* source;
    } catch (error) {
      this.error = error;
      throw error;
    }
  }
}
