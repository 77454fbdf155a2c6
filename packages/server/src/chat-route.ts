import { type ChatOperations, InvalidRequestError, type ProviderCallContext, speaksNatively } from '@switchyard/core';
import { attemptTimeouts } from './attempt-timeouts.js';
import { type AttemptInfo, type ResolvedTargetSpec, runRoutingPlan } from '@switchyard/router';
import type { ChatFront } from './chat-front.js';
import { type ChatAttemptInfo, interceptChat } from './chat-interceptor.js';
import { checkPassthroughCapabilities } from './check-passthrough-capabilities.js';
import type { ConversationState } from './conversation-state.js';
import type { GatewayRequest, GatewayResponse } from './gateway-types.js';
import { parseJsonObjectBody } from './parse-json-body.js';
import { passthroughChat } from './passthrough-chat.js';
import { readRequestMetadata, readRoutingConfig } from './read-routing-config.js';
import { resolveTarget } from './resolve-target.js';
import type { RouteContext } from './route-context.js';
import { routingResponseHeaders } from './routing-response-headers.js';
import { targetHeaders } from './target-headers.js';
import { translateChat } from './translate-chat.js';

/**
 * A chat endpoint for one public format, any provider behind it. The routing config (if any)
 * is walked by the router; each attempt goes through untranslated when the provider speaks the
 * client's format natively and the request needs no rewriting beyond the body's fields, and is
 * translated otherwise — so a fallback chain that mixes providers translates only where needed.
 * A front with conversation state (Responses) has it applied to each attempt.
 */
export function createChatRoute(front: ChatFront, options: { conversation?: ConversationState } = {}) {
  const { codec } = front;
  return async function handleChat(request: GatewayRequest, route: RouteContext): Promise<GatewayResponse> {
    route.record.format = codec.format;
    const body = parseJsonObjectBody(request.body);
    const turn = options.conversation?.begin(route);
    const model = body.model;
    if (model === undefined || model === null || model === '') {
      throw new InvalidRequestError('model is required: say which model (and provider, as "@provider/model") should answer.', { param: 'model' });
    }
    if (typeof model !== 'string') throw new InvalidRequestError("Invalid type for 'model': expected a string.", { param: 'model' });
    route.record.modelRequested = model;
    const stream = body.stream === true;
    route.record.stream = stream;
    const config = readRoutingConfig(request.headers, route.routing.configs);
    const metadata = readRequestMetadata(request.headers);
    route.record.metadata = metadata;

    const attempt = async (spec: ResolvedTargetSpec, info: AttemptInfo): Promise<GatewayResponse> => {
      const headers = targetHeaders(request.headers, spec);
      const overrideModel = typeof spec.overrideParams.model === 'string' ? spec.overrideParams.model : undefined;
      const target = resolveTarget(overrideModel ?? model, headers, route.resolution, front.readClientKey, spec);
      route.record.provider = target.entry.slug;
      const attemptBody = { ...target.entry.defaultParams, ...body, ...spec.overrideParams, model: target.model };
      const callContext: ProviderCallContext = {
        settings: target.settings,
        http: route.http,
        signal: info.signal,
        timeouts: attemptTimeouts(route.timeouts, target.entry),
        requestHeaders: headers,
        warn: (warning) => route.warnings.push(warning),
      };
      const adapter = target.entry.adapter;
      const addedHeaders: Record<string, string> = {};
      const interceptInfo: ChatAttemptInfo = { request, format: codec.format, target, spec, record: route.record, setHeader: (name, value) => (addedHeaders[name] = value) };
      const interceptors = route.chatInterceptors?.filter((interceptor) => interceptor.appliesTo(interceptInfo)) ?? [];
      const wrap = interceptors.length > 0 ? (operations: ChatOperations) => interceptChat(operations, interceptors, interceptInfo) : undefined;
      const withAddedHeaders = (response: GatewayResponse) => Object.assign(response.headers, addedHeaders) && response;
      if (!wrap && speaksNatively(adapter, codec.format) && (!turn || (await turn.mayPassThrough(attemptBody)))) {
        front.checkPassthroughShape(attemptBody);
        checkPassthroughCapabilities(attemptBody, target.entry.slug, adapter.capabilities.chat);
        const unchanged = attemptBody.model === model && Object.keys(spec.overrideParams).length === 0 && !target.entry.defaultParams;
        return passthroughChat(unchanged ? request.body : JSON.stringify(attemptBody), stream, target, front, callContext, route, info.reportFirstByte);
      }
      route.record.passthrough = false;
      const decoded = codec.decodeRequest(attemptBody);
      route.warnings.push(...decoded.warnings);
      const translated = { ...decoded.request, model: target.model };
      if (turn) {
        return withAddedHeaders(
          await turn.translate(attemptBody, translated, (upstream, answerCodec) => translateChat(upstream, target, answerCodec, callContext, route, info.reportFirstByte, wrap)),
        );
      }
      return withAddedHeaders(await translateChat(translated, target, codec, callContext, route, info.reportFirstByte, wrap));
    };

    const outcome = await runRoutingPlan(config, { metadata, params: body, pathname: request.path, signal: request.signal }, attempt, route.routing.options);
    route.record.attempts = outcome.attempts;
    Object.assign(outcome.value.headers, routingResponseHeaders(request.headers, outcome));
    return outcome.value;
  };
}
