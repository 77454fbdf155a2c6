import type { RoutingConfig } from '@switchyard/router';

/** What the SDK adds to OpenAI's client options: the gateway's header API, as typed options. */
export interface SwitchyardRoutingOptions {
  /** A catalog slug or adapter id (`x-switchyard-provider`); `@slug/model` in the model string does the same per request. */
  provider?: string;
  /** A routing config (sent as JSON), or the id of a config the gateway defines (`x-switchyard-config`). */
  config?: RoutingConfig | string;
  /** Replaces the provider's base URL, version segment included (`x-switchyard-custom-host`). */
  customHost?: string;
  /** Feeds conditional routing and the request log (`x-switchyard-metadata`). */
  metadata?: Record<string, string>;
  /** Names this request in the gateway's log and response headers (`x-switchyard-trace-id`). */
  traceId?: string;
  /** Client headers the gateway passes on to the provider (`x-switchyard-forward-headers`). */
  forwardHeaders?: string[];
}

const routingOptionKeys = ['provider', 'config', 'customHost', 'metadata', 'traceId', 'forwardHeaders'] as const;

/** Splits a Switchyard options object into its routing part and the rest (OpenAI's options). */
export function splitRoutingOptions<T extends SwitchyardRoutingOptions>(options: T): { routing: SwitchyardRoutingOptions; rest: Omit<T, keyof SwitchyardRoutingOptions> } {
  const rest: Record<string, unknown> = { ...(options as Record<string, unknown>) };
  const routing: Record<string, unknown> = {};
  for (const key of routingOptionKeys) {
    if (key === 'provider' && rest[key] !== undefined && typeof rest[key] !== 'string') {
      throw new TypeError("Switchyard's `provider` option names a gateway provider (a string such as 'openai' or a catalog slug); OpenAI's third-party provider objects are not supported.");
    }
    if (rest[key] !== undefined) routing[key] = rest[key];
    delete rest[key];
  }
  return { routing: routing as SwitchyardRoutingOptions, rest: rest as Omit<T, keyof SwitchyardRoutingOptions> };
}

/** The routing options as the gateway's `x-switchyard-*` request headers. */
export function toRoutingHeaders(options: SwitchyardRoutingOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options.provider) headers['x-switchyard-provider'] = options.provider;
  if (options.config !== undefined) headers['x-switchyard-config'] = typeof options.config === 'string' ? options.config : JSON.stringify(options.config);
  if (options.customHost) headers['x-switchyard-custom-host'] = options.customHost;
  if (options.metadata) headers['x-switchyard-metadata'] = JSON.stringify(options.metadata);
  if (options.traceId) headers['x-switchyard-trace-id'] = options.traceId;
  if (options.forwardHeaders?.length) headers['x-switchyard-forward-headers'] = options.forwardHeaders.join(',');
  return headers;
}

/** Later options win key by key; `metadata` objects are merged. */
export function mergeRoutingOptions(base: SwitchyardRoutingOptions, override: SwitchyardRoutingOptions): SwitchyardRoutingOptions {
  const merged: SwitchyardRoutingOptions = { ...base };
  for (const key of routingOptionKeys) if (override[key] !== undefined) (merged as Record<string, unknown>)[key] = override[key];
  if (base.metadata && override.metadata) merged.metadata = { ...base.metadata, ...override.metadata };
  return merged;
}
