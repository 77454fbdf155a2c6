import { randomUUID } from 'node:crypto';
import { type HttpTimeouts, type HttpTransport, NotFoundError, type ResponseStore, toGatewayError } from '@switchyard/core';
import { AllTargetsFailedError, type HealthTracker, type HostAllowList, type ProviderCatalog, type RoutingConfig, type RunOptions, createHealthTracker, parseRoutingConfig } from '@switchyard/router';
import { anthropicMessagesFront } from './anthropic-messages-front.js';
import { createChatRoute } from './chat-route.js';
import { countTokensRoute } from './count-tokens-route.js';
import { errorCodecForPath } from './error-codec-for-path.js';
import type { GatewayRequest, GatewayResponse, RequestRecord, ResponseBody } from './gateway-types.js';
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
}

export interface GatewayHandler {
  handle(request: GatewayRequest): Promise<GatewayResponse>;
  /** Whether the handler has a route for this method and path (hosts dispatch those first). */
  hasRoute(method: string, path: string): boolean;
}

type Route = (request: GatewayRequest, context: RouteContext) => Promise<GatewayResponse>;

/** Generous by default: a non-streamed answer from a large model can take minutes to start. */
const defaultTimeouts: HttpTimeouts = { connectMs: 10_000, headersMs: 600_000, bodyIdleMs: 300_000 };

/** The framework-free gateway: a request in, a response (maybe a byte stream) out. */
export function createGatewayHandler(options: GatewayHandlerOptions): GatewayHandler {
  const routes = new Map<string, Route>([
    ['POST /v1/chat/completions', createChatRoute(openAIChatFront)],
    ['POST /v1/messages', createChatRoute(anthropicMessagesFront)],
    ['POST /v1/responses', createChatRoute(openAIResponsesFront, { conversation: createResponsesConversationState() })],
    ['POST /v1/messages/count_tokens', countTokensRoute],
    ['GET /v1/models', async (_request, context) => listModels(context)],
    ['GET /health', async () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"ok"}' })],
  ]);
  // Asked only when the exact-match map has no route.
  const patternRoutes = createRoutePatterns<ParameterizedRoute>([
    ['GET', '/v1/responses/:id', getStoredResponse],
    ['DELETE', '/v1/responses/:id', deleteStoredResponse],
    ['GET', '/v1/responses/:id/input_items', listStoredInputItems],
  ]);
  const timeouts = { ...defaultTimeouts, ...options.timeouts };
  const configs = parseNamedConfigs(options.configs ?? {});
  const defaultConfig =
    typeof options.defaultConfig === 'string' ? configs.get(options.defaultConfig) : options.defaultConfig ? parseRoutingConfig(options.defaultConfig) : undefined;
  if (typeof options.defaultConfig === 'string' && !defaultConfig) throw new Error(`defaultConfig names the config "${options.defaultConfig}", which is not defined`);
  const routing = { configs: { byId: configs, defaultConfig }, options: { ...options.routing, health: options.routing?.health ?? createHealthTracker() } };

  return {
    hasRoute: (method, path) => routes.has(`${method} ${path}`) || patternRoutes.match(method, path) !== undefined,
    async handle(request) {
      const startedAt = performance.now();
      const traceId = readGatewayHeader(request.headers, 'trace-id') ?? randomUUID();
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
        http: options.http,
        timeouts,
        record,
        warnings: record.warnings,
        traceId,
        responseStore: options.responseStore,
      };
      let response: GatewayResponse;
      try {
        const route = routes.get(`${request.method} ${request.path}`);
        const matched = route ? undefined : patternRoutes.match(request.method, request.path);
        if (route) response = await route(request, context);
        else if (matched) response = await matched.route(request, context, matched.params);
        else throw new NotFoundError(`No route for ${request.method} ${request.path}.`, { code: 'unknown_url' });
      } catch (error) {
        response = errorResponse(error, request, record);
      }
      response.headers['x-switchyard-trace-id'] = traceId;
      if (record.provider) response.headers['x-switchyard-provider'] = record.provider;
      if (usesPortkeyHeaders(request.headers)) {
        response.headers['x-portkey-trace-id'] = traceId;
        if (record.provider) response.headers['x-portkey-provider'] = record.provider;
      }
      if (record.warnings.length > 0) response.headers['x-switchyard-warnings'] = encodeWarningsHeader(record.warnings);
      record.status = response.status;
      const complete = (firstByteAt: number | undefined) => {
        const now = performance.now();
        record.totalMs = now - startedAt;
        if (firstByteAt !== undefined) record.firstByteMs = firstByteAt - startedAt;
        options.onRequestComplete?.(record);
      };
      if (isStreamBody(response.body)) response.body = observeStream(response.body, complete);
      else complete(performance.now());
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
  complete: (firstByteAt: number | undefined) => void,
): AsyncGenerator<string | Uint8Array> {
  let firstByteAt: number | undefined;
  try {
    for await (const chunk of body) {
      firstByteAt ??= performance.now();
      yield chunk;
    }
  } finally {
    complete(firstByteAt);
  }
}
