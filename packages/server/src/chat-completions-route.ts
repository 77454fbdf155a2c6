import { InvalidRequestError, type ProviderCallContext } from '@switchyard/core';
import { openAIChatCodec } from '@switchyard/formats';
import type { GatewayRequest, GatewayResponse } from './gateway-types.js';
import { parseJsonObjectBody } from './parse-json-body.js';
import { passthroughChat } from './passthrough-chat.js';
import { resolveTarget } from './resolve-target.js';
import type { RouteContext } from './route-context.js';
import { translateChat } from './translate-chat.js';
import { validateOpenAIChatShape } from './validate-openai-chat-shape.js';

/** `POST /v1/chat/completions`: OpenAI Chat Completions in, any provider behind. */
export async function handleChatCompletions(request: GatewayRequest, route: RouteContext): Promise<GatewayResponse> {
  const codec = openAIChatCodec;
  route.record.format = codec.format;
  const body = parseJsonObjectBody(request.body);
  const model = body.model;
  if (model === undefined || model === null || model === '') {
    throw new InvalidRequestError('you must provide a model parameter', { param: 'model' });
  }
  if (typeof model !== 'string') throw new InvalidRequestError("Invalid type for 'model': expected a string.", { param: 'model' });
  route.record.modelRequested = model;
  route.record.stream = body.stream === true;

  const target = resolveTarget(model, request.headers, route.resolution);
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
    validateOpenAIChatShape(body);
    return passthroughChat(request.body, body, target, codec, callContext, route);
  }
  const decoded = codec.decodeRequest(body);
  route.warnings.push(...decoded.warnings);
  return translateChat({ ...decoded.request, model: target.model }, target, codec, callContext, route);
}
