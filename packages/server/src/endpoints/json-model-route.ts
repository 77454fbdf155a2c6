import { type EndpointId, InvalidRequestError, endpointPaths } from '@switchyard/core';
import type { GatewayRequest, GatewayResponse } from '../gateway-types.js';
import { parseJsonObjectBody } from '../parse-json-body.js';
import type { RouteContext } from '../route-context.js';
import type { EndpointTranslator } from './endpoint-translators.js';
import { proxyToProvider } from './proxy-to-provider.js';
import { endpointNotServed, proxiesEndpoint } from './require-endpoint.js';
import { runModelEndpoint } from './run-model-endpoint.js';

export interface JsonModelRouteOptions {
  /** Moderations may leave the model to the provider's default. */
  modelOptional?: boolean;
  translator?: EndpointTranslator;
}

/**
 * A JSON endpoint whose body names the model (embeddings, images.generations, moderations,
 * completions, audio.speech), routed like chat. Per attempt: the adapter's translated operation
 * when it has one; else the body forwarded by `proxy` (the client's bytes when nothing was
 * rewritten, else re-serialised) and the answer streamed back as it comes; else a 400 naming
 * provider and endpoint. The provider entry's `defaultParams` are chat parameters and are not
 * applied here; a config's `override_params` are.
 */
export function createJsonModelRoute(endpoint: EndpointId, options: JsonModelRouteOptions = {}) {
  const path = endpointPaths[endpoint].slice('/v1'.length);
  return async function handleJsonModelEndpoint(request: GatewayRequest, route: RouteContext): Promise<GatewayResponse> {
    const body = parseJsonObjectBody(request.body);
    const model = readModel(body.model, !options.modelOptional);
    return runModelEndpoint(request, route, { endpoint, model, params: body }, async (call) => {
      const { target, spec, info } = call;
      const attemptBody: Record<string, unknown> = { ...body, ...spec.overrideParams };
      if (target.model) attemptBody.model = target.model;
      const adapter = target.entry.adapter;
      if (options.translator?.available(adapter)) {
        route.record.passthrough = false;
        const response = await options.translator.run(attemptBody, call);
        info.reportFirstByte();
        return response;
      }
      if (!proxiesEndpoint(adapter, endpoint)) throw endpointNotServed(target.entry.slug, endpoint, model ? 'model' : undefined);
      const unchanged = attemptBody.model === body.model && Object.keys(spec.overrideParams).length === 0;
      return proxyToProvider(request, route, target, {
        path,
        endpoint,
        body: unchanged ? request.body : JSON.stringify(attemptBody),
        model: target.model || undefined,
        requestHeaders: call.headers,
        signal: info.signal,
        onFirstByte: info.reportFirstByte,
        upstreamErrors: 'throw',
      });
    });
  };
}

export function readModel(model: unknown, required: boolean): string {
  if (model === undefined || model === null || model === '') {
    if (!required) return '';
    throw new InvalidRequestError('model is required: say which model (and provider, as "@provider/model") should answer.', { param: 'model' });
  }
  if (typeof model !== 'string') throw new InvalidRequestError("Invalid type for 'model': expected a string.", { param: 'model' });
  return model;
}
