import { InvalidRequestError, type ProviderCallContext } from '@switchyard/core';
import type { ChatFront } from './chat-front.js';
import type { GatewayRequest, GatewayResponse } from './gateway-types.js';
import { parseJsonObjectBody } from './parse-json-body.js';
import { passthroughChat } from './passthrough-chat.js';
import { resolveTarget } from './resolve-target.js';
import type { RouteContext } from './route-context.js';
import { translateChat } from './translate-chat.js';

/**
 * A chat endpoint for one public format: any provider behind it. When the provider speaks the
 * client's format natively the bytes go through; otherwise the request is translated.
 */
export function createChatRoute(front: ChatFront) {
  const { codec } = front;
  return async function handleChat(request: GatewayRequest, route: RouteContext): Promise<GatewayResponse> {
    route.record.format = codec.format;
    const body = parseJsonObjectBody(request.body);
    const model = body.model;
    if (model === undefined || model === null || model === '') {
      throw new InvalidRequestError('model is required: say which model (and provider, as "@provider/model") should answer.', { param: 'model' });
    }
    if (typeof model !== 'string') throw new InvalidRequestError("Invalid type for 'model': expected a string.", { param: 'model' });
    route.record.modelRequested = model;
    route.record.stream = body.stream === true;

    const target = resolveTarget(model, request.headers, route.resolution, front.readClientKey);
    const adapter = target.entry.adapter;
    route.record.provider = target.entry.slug;
    const callContext: ProviderCallContext = {
      settings: target.settings,
      http: route.http,
      signal: request.signal,
      timeouts: route.timeouts,
      requestHeaders: request.headers,
      warn: (warning) => route.warnings.push(warning),
    };

    if (adapter.nativeFormat === codec.format && adapter.passthrough) {
      front.checkPassthroughShape(body);
      return passthroughChat(request.body, body, target, front, callContext, route);
    }
    const decoded = codec.decodeRequest(body);
    route.warnings.push(...decoded.warnings);
    return translateChat({ ...decoded.request, model: target.model }, target, codec, callContext, route);
  };
}
