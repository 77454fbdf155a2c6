import { timeOrderedTraceId } from './time-ordered-trace-id.js';
import { AuthenticationError, type FileStore, type HttpTimeouts, type HttpTransport, NotFoundError, type ResponseStore, toGatewayError } from '@switchyard/core';
import { AllTargetsFailedError, type HealthTracker, type HostAllowList, type ProviderCatalog, type RoutingConfig, type RunOptions, createHealthTracker, parseRoutingConfig } from '@switchyard/router';
import { type AccessAdmission, type AccessControl, readAdmissionRequest } from './access-control.js';
import { adminKeysRoutes, isAdminPath } from './admin-keys-routes.js';
import { type AdminConsoleEndpoints, adminConsoleRoutes } from './admin-console-routes.js';
import { listProviderHealth } from './list-provider-health.js';
import { measureUpstream } from './measure-upstream.js';
import { type ObservabilityEndpoints, observabilityRoutes } from './observability-routes.js';
import type { RequestObserver } from './request-observer.js';
import { anthropicMessagesFront } from './anthropic-messages-front.js';
import { createChatRoute } from './chat-route.js';
import { countTokensRoute } from './count-tokens-route.js';
import type { ChatInterceptor } from './chat-interceptor.js';
import { createGatewayAuth, gatewayKeyIdOf } from './gateway-auth.js';
import { configuredSecrets, redactErrorResponse, redactSecrets } from './redact-secrets.js';
import { errorCodecForPath } from './error-codec-for-path.js';
import { endpointPatternRoutes, endpointRoutes, isProxiedPath, proxyRoute } from './endpoints/endpoint-routes.js';
import { filesBatchesPatternRoutes, filesBatchesRoutes } from './endpoints/files-batches-routes.js';
import { type WithBodyMode, bodyModeOf } from './endpoints/streamed-route.js';
import type { BodyMode, GatewayRequest, GatewayResponse, RequestRecord, ResponseBody } from './gateway-types.js';
import { readGatewayHeader } from './header-api.js';
import { usesPortkeyHeaders } from './routing-response-headers.js';
import { listModels } from './models-route.js';
import { openAIChatFront } from './openai-chat-front.js';
import { openAIResponsesFront } from './openai-responses-front.js';
import { createResponsesConversationState } from './responses-conversation-state.js';
import type { RouteContext } from './route-context.js';
import { createRoutePatterns } from './route-patterns.js';
import { type ParameterizedRoute, deleteStoredResponse, getStoredResponse, listStoredInputItems } from './stored-response-routes.js';
import { verbatimErrorResponse } from './verbatim-error.js';
import { encodeWarningsHeader } from './warnings-header.js';

export interface GatewayHandlerOptions {
  catalog: ProviderCatalog;
  hostAllowList: HostAllowList;
  http: HttpTransport;
  /** The catalog entry for requests that name no provider. */
  defaultProvider?: string;
  /** Operator-defined model aliases: `fast` -> `@groq/llama-3.3-70b`. */
  modelAliases?: Record<string, string>;
  /** Routing configs (Portkey's format) a request may name by id in `x-switchyard-config`. */
  configs?: Record<string, unknown>;
  /** The config used when a request names none: an id from `configs`, or a config. */
  defaultConfig?: string | Record<string, unknown>;
  /** Retry backoff, retry-after cap, and the health tracker shared by this gateway's requests. */
  routing?: Omit<RunOptions, 'health'> & { health?: HealthTracker };
  timeouts?: HttpTimeouts;
  /** Called once per request when its response is complete (after the last byte of a stream). */
  onRequestComplete?(record: RequestRecord): void;
  /**
   * Keeps Responses API state (`store`, `previous_response_id`, `GET`/`DELETE /v1/responses/{id}`,
   * input items) for providers that keep none. Without it those features answer 400.
   */
  responseStore?: ResponseStore;
  /**
   * Keeps uploads and batch records for providers that have a batch API but no files API
   * (Anthropic's Message Batches behind `/v1/files` and `/v1/batches`). Without it those answer 400.
   */
  fileStore?: FileStore;
  /** Features around every chat provider call (cache, guardrails), outermost first. */
  chatInterceptors?: readonly ChatInterceptor[];
  /** The gateway's own API keys; when any is given, every route but `GET /health` requires one. */
  apiKeys?: readonly string[];
  /**
   * Managed gateway keys with their limits and budgets (the gateway passes packages/access). A
   * request may present a managed key or one of `apiKeys`; with `access` set, every route but
   * `GET /health` and the admin API requires one.
   */
  access?: AccessControl;
  /** Keys that open the admin API (`/admin/keys`). */
  adminKeys?: readonly string[];
  /** `GET /metrics` and `GET /admin/logs` (the gateway passes packages/observability). */
  observability?: ObservabilityEndpoints;
  /** The web console's admin API (`/admin/stats`, `/admin/usage`, `/admin/config`); `/admin/providers` is always served. */
  adminConsole?: AdminConsoleEndpoints;
  /** Trace hooks around each request and upstream call. */
  observer?: RequestObserver;
  /** Keep the request body and the response text on the record (opt-in body logging). */
  captureBodies?: boolean;
}

export interface GatewayHandler {
  handle(request: GatewayRequest): Promise<GatewayResponse>;
  /** Whether the handler has a route for this method and path (hosts dispatch those first). */
  hasRoute(method: string, path: string): boolean;
  /**
   * How the route for this method and path takes its body — read whole (`buffered`, JSON) or as
   * `GatewayRequest.bodyStream` (`streamed`, uploads and proxied calls) — or undefined when the
   * handler has no route for it. Hosts that know it stream uploads; others may send `body`.
   */
  bodyMode?(method: string, path: string): BodyMode | undefined;
  /**
   * Checks the gateway API key before the host reads the body, so an unauthenticated client
   * cannot make the gateway read (or stream upstream) anything. True when the request may go on;
   * on false the host answers with `handle` on an empty body, which gives the 401.
   */
  authorize?(method: string, path: string, headers: Record<string, string>): boolean;
}

type Route = WithBodyMode<(request: GatewayRequest, context: RouteContext) => Promise<GatewayResponse>>;

/**
 * Upstream deadlines when the operator sets none. Generous: a non-streamed answer from a large
 * model can take minutes to start, and a reasoning model may think for minutes between chunks.
 */
export const defaultUpstreamTimeouts: Readonly<HttpTimeouts> = { connectMs: 10_000, headersMs: 600_000, bodyIdleMs: 300_000 };

/** The framework-free gateway: a request in, a response (maybe a byte stream) out. */
export function createGatewayHandler(options: GatewayHandlerOptions): GatewayHandler {
  const admin = adminKeysRoutes(options.access, options.adminKeys ?? []);
  const routes = new Map<string, Route>([
    ...admin.exact,
    ...observabilityRoutes(options.observability, options.adminKeys ?? []),
    // `routing` is built below; the providers route reads its health tracker when called.
    ...adminConsoleRoutes(options.adminConsole, options.adminKeys ?? [], () => listProviderHealth(options.catalog, routing.options.health)),
    ['POST /v1/chat/completions', createChatRoute(openAIChatFront)],
    ['POST /v1/messages', createChatRoute(anthropicMessagesFront)],
    ['POST /v1/responses', createChatRoute(openAIResponsesFront, { conversation: createResponsesConversationState() })],
    ['POST /v1/messages/count_tokens', countTokensRoute],
    ['GET /v1/models', async (_request, context) => listModels(context)],
    ['GET /health', async () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"ok"}' })],
    ...endpointRoutes,
    ...filesBatchesRoutes,
  ]);
  // Asked only when the exact-match map has no route.
  const patternRoutes = createRoutePatterns<WithBodyMode<ParameterizedRoute>>([
    ['GET', '/v1/responses/:id', getStoredResponse],
    ['DELETE', '/v1/responses/:id', deleteStoredResponse],
    ['GET', '/v1/responses/:id/input_items', listStoredInputItems],
    ...endpointPatternRoutes,
    ...filesBatchesPatternRoutes,
    ...admin.patterns.map(([method, pattern, route]) => [method, pattern, (request: GatewayRequest) => route(request)] as const),
  ]);
  // Exact routes first (one map lookup for chat), then patterns, then the `/v1/*` catch-all proxy.
  const bodyMode = (method: string, path: string): BodyMode | undefined => {
    const route = routes.get(`${method} ${path}`) ?? patternRoutes.match(method, path)?.route;
    if (route) return bodyModeOf(route);
    return isProxiedPath(method, path) ? bodyModeOf(proxyRoute) : undefined;
  };
  const timeouts = { ...defaultUpstreamTimeouts, ...options.timeouts };
  const auth = createGatewayAuth(options.apiKeys ?? []);
  // Header objects whose key `authorize` already accepted (and stripped): `handle` skips the check.
  const authorized = new WeakSet<Record<string, string>>();
  // Health probes stay open so load balancers need no key.
  // The admin API has its own key.
  const needsKey = (method: string, path: string) => (auth !== undefined || options.access !== undefined) && !(method === 'GET' && (path === '/health' || path === '/metrics')) && !isAdminPath(path);
  /** The request's gateway key: a managed one (authenticated, its limits reserved) or a static one. */
  const checkKey = async (request: GatewayRequest, context: RouteContext): Promise<AccessAdmission | undefined> => {
    const access = options.access;
    if (!access?.presentsKey(request.headers)) {
      if (!auth) {
        throw new AuthenticationError('This gateway requires an API key: send it as "Authorization: Bearer <key>", "x-api-key" or "x-switchyard-api-key".', { code: 'invalid_api_key' });
      }
      auth.check(request.headers);
      context.record.gatewayKeyId = gatewayKeyIdOf(request.headers);
      return undefined;
    }
    let session;
    try {
      session = await access.authenticate(request.headers);
    } catch (error) {
      // A static key may happen to look like a managed one.
      if (!auth || !AuthenticationError.isInstance(error)) throw error;
      auth.check(request.headers);
      context.record.gatewayKeyId = gatewayKeyIdOf(request.headers);
      return undefined;
    }
    context.record.gatewayKeyId = session.keyId;
    context.resolution = { ...context.resolution, authorizeTarget: session.authorizeTarget };
    if (session.defaultConfig && readGatewayHeader(request.headers, 'config') === undefined) request.headers['x-switchyard-config'] = session.defaultConfig;
    return session.admit(readAdmissionRequest(context.traceId, request.body, request.headers['content-type']));
  };
  const configs = parseNamedConfigs(options.configs ?? {});
  const defaultConfig =
    typeof options.defaultConfig === 'string' ? configs.get(options.defaultConfig) : options.defaultConfig ? parseRoutingConfig(options.defaultConfig) : undefined;
  if (typeof options.defaultConfig === 'string' && !defaultConfig) throw new Error(`defaultConfig names the config "${options.defaultConfig}", which is not defined`);
  const routing = { configs: { byId: configs, defaultConfig }, options: { ...options.routing, health: options.routing?.health ?? createHealthTracker() } };

  return {
    hasRoute: (method, path) => bodyMode(method, path) !== undefined,
    bodyMode,
    authorize(method, path, headers) {
      if (!needsKey(method, path)) return true;
      // A managed key needs a store lookup: `handle` checks it before the route reads any body.
      if (options.access?.presentsKey(headers)) return true;
      if (!auth) return false;
      try {
        auth.check(headers);
      } catch {
        return false;
      }
      authorized.add(headers);
      return true;
    },
    async handle(request) {
      const startedAt = performance.now();
      const startedAtEpoch = Date.now();
      const traceId = readGatewayHeader(request.headers, 'trace-id') ?? timeOrderedTraceId(startedAtEpoch);
      const observation = options.observer?.begin(request, startedAtEpoch, traceId);
      // Time waiting on upstreams, so `x-switchyard-overhead-ms` can say what the gateway itself took.
      const upstream = measureUpstream(options.http, observation);
      const record: RequestRecord = {
        traceId,
        method: request.method,
        path: request.path,
        status: 0,
        stream: false,
        passthrough: false,
        totalMs: 0,
        warnings: [],
      };
      const context: RouteContext = {
        resolution: { catalog: options.catalog, hostAllowList: options.hostAllowList, defaultProvider: options.defaultProvider, modelAliases: options.modelAliases },
        routing,
        http: upstream.http,
        timeouts,
        record,
        warnings: record.warnings,
        traceId,
        responseStore: options.responseStore,
        chatInterceptors: options.chatInterceptors,
        fileStore: options.fileStore,
      };
      let response: GatewayResponse;
      let admission: AccessAdmission | undefined;
      try {
        if (needsKey(request.method, request.path)) {
          // A static key the host already accepted (before reading the body) only needs recording.
          if (authorized.has(request.headers)) context.record.gatewayKeyId = gatewayKeyIdOf(request.headers);
          else admission = await checkKey(request, context);
        }
        const route = routes.get(`${request.method} ${request.path}`);
        const matched = route ? undefined : patternRoutes.match(request.method, request.path);
        if (route) response = await route(request, context);
        else if (matched) response = await matched.route(request, context, matched.params);
        else if (isProxiedPath(request.method, request.path)) response = await proxyRoute(request, context);
        else throw new NotFoundError(`No route for ${request.method} ${request.path}.`, { code: 'unknown_url' });
      } catch (error) {
        // Computed per error (errors are rare): the catalog may gain entries after start.
        const secrets = configuredSecrets(options.catalog);
        response = redactErrorResponse(errorResponse(error, request, record), secrets);
        // retry-after and x-ratelimit-* of a limit refusal.
        const limitHeaders = (error as { responseHeaders?: Record<string, string> } | undefined)?.responseHeaders;
        if (limitHeaders) Object.assign(response.headers, limitHeaders);
        if (record.errorMessage !== undefined) record.errorMessage = redactSecrets(record.errorMessage, secrets);
      }
      response.headers['x-switchyard-trace-id'] = traceId;
      // For a stream this is the overhead up to its first byte; the log gets the whole figure.
      response.headers['x-switchyard-overhead-ms'] = Math.max(0, performance.now() - startedAt - upstream.upstreamMs()).toFixed(3);
      record.startedAt = startedAtEpoch;
      if (options.captureBodies) {
        record.requestBody = request.body;
        if (typeof response.body === 'string' || response.body instanceof Uint8Array) record.responseBody = response.body;
      }
      if (record.provider) response.headers['x-switchyard-provider'] = record.provider;
      if (usesPortkeyHeaders(request.headers)) {
        response.headers['x-portkey-trace-id'] = traceId;
        if (record.provider) response.headers['x-portkey-provider'] = record.provider;
      }
      if (record.warnings.length > 0) response.headers['x-switchyard-warnings'] = encodeWarningsHeader(record.warnings);
      if (admission) Object.assign(response.headers, admission.headers);
      record.status = response.status;
      const complete = (firstByteAt: number | undefined, bytesOut: number, downstreamMs = 0) => {
        const now = performance.now();
        record.totalMs = now - startedAt;
        record.upstreamMs = upstream.upstreamMs();
        record.overheadMs = Math.max(0, record.totalMs - record.upstreamMs - downstreamMs);
        if (firstByteAt !== undefined) record.firstByteMs = firstByteAt - startedAt;
        observation?.complete?.(record);
        options.onRequestComplete?.(record);
        const { status, provider, modelRequested, modelAnswered, usage, incomplete } = record;
        // Settling must never fail the response; the access control logs its own troubles.
        admission?.settle({ status, provider, modelRequested, modelAnswered, usage, incomplete, bytesOut }).catch(() => {});
      };
      if (isStreamBody(response.body)) response.body = observeStream(response.body, complete, options.captureBodies ? record : undefined);
      else complete(performance.now(), typeof response.body === 'string' ? Buffer.byteLength(response.body) : (response.body?.length ?? 0));
      return response;
    },
  };
}

/** The error in the client's format: verbatim when a passthrough upstream said it, else encoded, with every attempt listed when several were made. */
function errorResponse(error: unknown, request: GatewayRequest, record: RequestRecord): GatewayResponse {
  const gatewayError = toGatewayError(error);
  record.errorKind = gatewayError.kind;
  record.errorMessage = gatewayError.message;
  if (AllTargetsFailedError.isInstance(error)) record.attempts = error.attempts;
  const codec = errorCodecForPath(request.path);
  const verbatim = verbatimErrorResponse(error, record.format);
  if (verbatim) return verbatim;
  const encoded = codec.encodeError(gatewayError.toBody());
  if (AllTargetsFailedError.isInstance(error)) (encoded.body.error as Record<string, unknown>).attempts = error.attempts;
  return { status: encoded.status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(encoded.body) };
}

function parseNamedConfigs(raw: Record<string, unknown>): Map<string, RoutingConfig> {
  const parsed = new Map<string, RoutingConfig>();
  for (const [id, config] of Object.entries(raw)) {
    try {
      parsed.set(id, parseRoutingConfig(config));
    } catch (error) {
      throw new Error(`configs.${id}: ${(error as Error).message}`);
    }
  }
  return parsed;
}

function isStreamBody(body: ResponseBody | undefined): body is AsyncIterable<string | Uint8Array> {
  return typeof body === 'object' && body !== null && Symbol.asyncIterator in body;
}

/** Reports the request as complete when its body has been fully produced (or abandoned). */
async function* observeStream(
  body: AsyncIterable<string | Uint8Array>,
  complete: (firstByteAt: number | undefined, bytesOut: number, downstreamMs: number) => void,
  capture?: RequestRecord,
): AsyncGenerator<string | Uint8Array> {
  let firstByteAt: number | undefined;
  let bytesOut = 0;
  // Time the host held each chunk (writing it, waiting for a slow client): not the gateway's overhead.
  let downstreamMs = 0;
  const captured: string[] = [];
  const decoder = capture ? new TextDecoder() : undefined;
  try {
    for await (const chunk of body) {
      firstByteAt ??= performance.now();
      bytesOut += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (decoder) captured.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      const yieldedAt = performance.now();
      yield chunk;
      downstreamMs += performance.now() - yieldedAt;
    }
  } finally {
    if (capture) capture.responseBody = captured.join('');
    complete(firstByteAt, bytesOut, downstreamMs);
  }
}
