import type { EndpointId, ProviderCallContext } from '@switchyard/core';
import { attemptTimeouts } from '../attempt-timeouts.js';
import { type AttemptInfo, type ResolvedTargetSpec, runRoutingPlan } from '@switchyard/router';
import type { GatewayRequest, GatewayResponse } from '../gateway-types.js';
import { readRequestMetadata, readRoutingConfig } from '../read-routing-config.js';
import { type ResolvedTarget, resolveTarget } from '../resolve-target.js';
import type { RouteContext } from '../route-context.js';
import { routingResponseHeaders } from '../routing-response-headers.js';
import { targetHeaders } from '../target-headers.js';

/** One attempt's provider, its call context, and what the config target overrides. */
export interface ModelEndpointAttempt {
  target: ResolvedTarget;
  spec: ResolvedTargetSpec;
  info: AttemptInfo;
  headers: Readonly<Record<string, string>>;
  callContext: ProviderCallContext;
}

/**
 * Runs an endpoint whose body names a model (embeddings, images, audio, moderations,
 * completions) through the routing plan as chat does: `@slug/model`, the header API, configs
 * with fallback, loadbalance, retries and override_params. `attempt` gets each target resolved.
 * `model` may be empty for endpoints where it is optional (moderations): the provider then comes
 * from the config, headers or default.
 */
export async function runModelEndpoint(
  request: GatewayRequest,
  route: RouteContext,
  input: { endpoint: EndpointId; model: string; params: Record<string, unknown> },
  attempt: (call: ModelEndpointAttempt) => Promise<GatewayResponse>,
): Promise<GatewayResponse> {
  if (input.model) route.record.modelRequested = input.model;
  const config = readRoutingConfig(request.headers, route.routing.configs);
  const metadata = readRequestMetadata(request.headers);
  route.record.metadata = metadata;
  const outcome = await runRoutingPlan(
    config,
    { metadata, params: input.params, pathname: request.path, signal: request.signal },
    async (spec, info) => {
      const headers = targetHeaders(request.headers, spec);
      const overrideModel = typeof spec.overrideParams.model === 'string' ? spec.overrideParams.model : undefined;
      const target = resolveTarget(overrideModel ?? input.model, headers, route.resolution, undefined, spec);
      route.record.provider = target.entry.slug;
      const callContext: ProviderCallContext = {
        settings: target.settings,
        http: route.http,
        signal: info.signal,
        timeouts: attemptTimeouts(route.timeouts, target.entry),
        requestHeaders: headers,
        warn: (warning) => route.warnings.push(warning),
      };
      return attempt({ target, spec, info, headers, callContext });
    },
    route.routing.options,
  );
  route.record.attempts = outcome.attempts;
  Object.assign(outcome.value.headers, routingResponseHeaders(request.headers, outcome));
  return outcome.value;
}
