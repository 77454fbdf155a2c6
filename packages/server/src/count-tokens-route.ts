import { InvalidRequestError, type ProviderCallContext, readUpstreamError, speaksNatively } from '@switchyard/core';
import { attemptTimeouts } from './attempt-timeouts.js';
import { anthropicMessagesCodec } from '@switchyard/formats';
import { type AttemptInfo, type ResolvedTargetSpec, runRoutingPlan } from '@switchyard/router';
import { anthropicMessagesFront } from './anthropic-messages-front.js';
import { estimateInputTokens, mediaPartTokenEstimate } from './estimate-input-tokens.js';
import type { GatewayRequest, GatewayResponse } from './gateway-types.js';
import { parseJsonObjectBody } from './parse-json-body.js';
import { readRequestMetadata, readRoutingConfig } from './read-routing-config.js';
import { relayHeaders } from './relay-headers.js';
import { resolveTarget } from './resolve-target.js';
import type { RouteContext } from './route-context.js';
import { routingResponseHeaders } from './routing-response-headers.js';
import { targetHeaders } from './target-headers.js';
import { rememberVerbatimError } from './verbatim-error.js';

/**
 * `POST /v1/messages/count_tokens` (Anthropic's shape: a Messages body without max_tokens in,
 * `{ input_tokens }` out), routed like `/v1/messages`. A provider that speaks Messages and
 * counts tokens itself (the adapter's `countTokens`) gets the body as bytes and its answer
 * goes back untouched. For any other provider the gateway estimates from the canonical
 * request (estimate-input-tokens.ts) and says so in `x-switchyard-warnings`: no other
 * provider's tokenizer is reachable in a way that counts the same request.
 */
export async function countTokensRoute(request: GatewayRequest, route: RouteContext): Promise<GatewayResponse> {
  const codec = anthropicMessagesCodec;
  route.record.format = codec.format;
  const body = parseJsonObjectBody(request.body);
  const model = body.model;
  if (model === undefined || model === null || model === '') {
    throw new InvalidRequestError('model is required: say which model (and provider, as "@provider/model") should count.', { param: 'model' });
  }
  if (typeof model !== 'string') throw new InvalidRequestError("Invalid type for 'model': expected a string.", { param: 'model' });
  route.record.modelRequested = model;
  const config = readRoutingConfig(request.headers, route.routing.configs);
  const metadata = readRequestMetadata(request.headers);
  route.record.metadata = metadata;

  const attempt = async (spec: ResolvedTargetSpec, info: AttemptInfo): Promise<GatewayResponse> => {
    const headers = targetHeaders(request.headers, spec);
    const overrideModel = typeof spec.overrideParams.model === 'string' ? spec.overrideParams.model : undefined;
    const target = resolveTarget(overrideModel ?? model, headers, route.resolution, anthropicMessagesFront.readClientKey, spec);
    route.record.provider = target.entry.slug;
    // Only the model is rewritten: count_tokens refuses generation parameters (max_tokens,
    // temperature …), so the entry's default and override params are not laid over the body.
    const attemptBody = { ...body, model: target.model };
    const callContext: ProviderCallContext = {
      settings: target.settings,
      http: route.http,
      signal: info.signal,
      timeouts: attemptTimeouts(route.timeouts, target.entry),
      requestHeaders: headers,
      warn: (warning) => route.warnings.push(warning),
    };
    const adapter = target.entry.adapter;
    if (adapter.countTokens && speaksNatively(adapter, codec.format)) {
      const forwarded = target.model === model ? request.body : JSON.stringify(attemptBody);
      const upstream = await adapter.countTokens({ format: codec.format, body: forwarded, model: target.model, stream: false }, callContext);
      if (upstream.status >= 300) {
        const error = await readUpstreamError(upstream, adapter.id);
        rememberVerbatimError(error, codec.format, {
          status: upstream.status,
          headers: { ...relayHeaders(upstream.headers), 'content-type': upstream.headers['content-type'] ?? 'application/json' },
          body: error.body === undefined ? '' : typeof error.body === 'string' ? error.body : JSON.stringify(error.body),
        });
        throw error;
      }
      info.reportFirstByte();
      route.record.passthrough = true;
      return { status: upstream.status, headers: relayHeaders(upstream.headers), body: upstream.body };
    }
    // max_tokens is required by the Messages decoder, and means nothing to a count.
    const decoded = codec.decodeRequest({ ...attemptBody, max_tokens: 1 });
    info.reportFirstByte();
    route.warnings.push({
      type: 'other',
      field: 'input_tokens',
      message: `input_tokens is an estimate (text and tool definitions at 4 characters a token, ${mediaPartTokenEstimate} per image, document or audio part): provider "${target.entry.slug}" has no token counting endpoint.`,
    });
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input_tokens: estimateInputTokens(decoded.request) }) };
  };

  const outcome = await runRoutingPlan(config, { metadata, params: body, pathname: request.path, signal: request.signal }, attempt, route.routing.options);
  route.record.attempts = outcome.attempts;
  Object.assign(outcome.value.headers, routingResponseHeaders(request.headers, outcome));
  return outcome.value;
}
