import type { GatewayConfig } from './gateway-config.js';
import { defaultServiceName } from './observability-config-schema.js';

type TracingConfig = NonNullable<GatewayConfig['tracing']>;

/**
 * Tracing settings from OpenTelemetry's standard variables
 * (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/ and the
 * OTLP exporter's), so a gateway deployed next to a collector is configured the way the rest of
 * a fleet is. A config file whose `tracing` names an endpoint wins over the exporter variables
 * (endpoint, headers, protocol, timeout, sampler): they are then ignored. The resource variables
 * describe the process rather than the collector (a Kubernetes operator sets them per pod), so
 * they apply either way beneath the file: OTEL_RESOURCE_ATTRIBUTES adds the attributes the file's
 * `resourceAttributes` does not name, and OTEL_SERVICE_NAME (else a `service.name` among those
 * attributes) names the service unless the file gives it a name of its own. Without a collector in
 * the file the variables fill in the endpoint and override the file's other tracing settings.
 * `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none` turns tracing off, whatever the file says.
 * A value the gateway cannot honour is a startup error naming the variable.
 */
export function tracingFromEnvironment(tracing: GatewayConfig['tracing'], env: NodeJS.ProcessEnv): GatewayConfig['tracing'] {
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  if (read('OTEL_SDK_DISABLED')?.toLowerCase() === 'true') return undefined;
  const exporter = read('OTEL_TRACES_EXPORTER')?.toLowerCase();
  if (exporter === 'none') return undefined;
  if (exporter !== undefined && exporter !== 'otlp') throw new Error(`OTEL_TRACES_EXPORTER: "${exporter}" is not supported; the gateway exports spans over OTLP/HTTP ("otlp") or not at all ("none").`);
  if (tracing?.otlpEndpoint || tracing?.otlpTracesUrl) return withEnvironmentResource(tracing, read);

  const tracesUrl = read('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const endpoint = read('OTEL_EXPORTER_OTLP_ENDPOINT');
  if (!tracesUrl && !endpoint) return tracing;
  const settings: TracingConfig = {
    headers: {},
    protocol: 'http/protobuf',
    captureContent: false,
    serviceName: defaultServiceName,
    resourceAttributes: {},
    timeoutMs: 10_000,
    sampleRatio: 1,
    ...tracing,
  };
  // The signal's own variable is used as given; the general one is a base that /v1/traces is added to.
  if (tracesUrl) settings.otlpTracesUrl = checkUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', tracesUrl);
  else settings.otlpEndpoint = checkUrl('OTEL_EXPORTER_OTLP_ENDPOINT', endpoint!);

  const headersName = read('OTEL_EXPORTER_OTLP_TRACES_HEADERS') ? 'OTEL_EXPORTER_OTLP_TRACES_HEADERS' : 'OTEL_EXPORTER_OTLP_HEADERS';
  const headers = read(headersName);
  if (headers) settings.headers = { ...settings.headers, ...parseOtelHeaders(headersName, headers) };

  const protocolName = read('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL' : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  const protocol = read(protocolName);
  if (protocol) {
    if (protocol !== 'http/protobuf' && protocol !== 'http/json') throw new Error(`${protocolName}: "${protocol}" is not supported; use http/protobuf or http/json (the gateway does not speak OTLP over gRPC).`);
    settings.protocol = protocol;
  }

  const timeoutName = read('OTEL_EXPORTER_OTLP_TRACES_TIMEOUT') ? 'OTEL_EXPORTER_OTLP_TRACES_TIMEOUT' : 'OTEL_EXPORTER_OTLP_TIMEOUT';
  const timeout = read(timeoutName);
  if (timeout) {
    // Milliseconds, as the spec gives them; 0 would mean no deadline, which a gateway should not run with.
    if (!/^\d+$/.test(timeout) || Number(timeout) === 0) throw new Error(`${timeoutName}: "${timeout}" is not a whole number of milliseconds above 0.`);
    settings.timeoutMs = Number(timeout);
  }

  const resource = read('OTEL_RESOURCE_ATTRIBUTES');
  if (resource) {
    const { 'service.name': resourceServiceName, ...attributes } = parseResourceAttributes(resource);
    settings.resourceAttributes = { ...settings.resourceAttributes, ...attributes };
    // OTEL_SERVICE_NAME, read next, wins over a service.name given here, as in OpenTelemetry's SDKs.
    if (resourceServiceName) settings.serviceName = resourceServiceName;
  }
  const serviceName = read('OTEL_SERVICE_NAME');
  if (serviceName) settings.serviceName = serviceName;

  const ratio = samplerRatio(read('OTEL_TRACES_SAMPLER'), read('OTEL_TRACES_SAMPLER_ARG'));
  if (ratio !== undefined) settings.sampleRatio = ratio;
  return settings;
}

/** The file's tracing with the resource variables beneath it (the file's own values win). */
function withEnvironmentResource(tracing: TracingConfig, read: (name: string) => string | undefined): TracingConfig {
  const resource = read('OTEL_RESOURCE_ATTRIBUTES');
  const { 'service.name': resourceServiceName, ...attributes } = resource ? parseResourceAttributes(resource) : {};
  const serviceName = read('OTEL_SERVICE_NAME') ?? resourceServiceName;
  // The schema's default name is what a file that names none holds; any other name is the file's own.
  const named = tracing.serviceName !== undefined && tracing.serviceName !== defaultServiceName;
  if (Object.keys(attributes).length === 0 && (serviceName === undefined || named)) return tracing;
  return {
    ...tracing,
    resourceAttributes: { ...attributes, ...tracing.resourceAttributes },
    ...(serviceName !== undefined && !named ? { serviceName } : {}),
  };
}

function checkUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name}: "${value}" is not a URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name}: "${value}" must be an http:// or https:// URL.`);
  return value;
}

/** `key1=value1,key2=value2`, values percent-encoded (the OTLP exporter's header format). */
export function parseOtelHeaders(name: string, text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of parseOtelPairs(name, text, (key) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(key), 'with a header name as key')) {
    // Header values go on every export request: a line break would split the request.
    if (/[\r\n\0]/.test(value)) throw new Error(`${name}: the value of "${key}" holds a line break.`);
    headers[key.toLowerCase()] = value;
  }
  return headers;
}

/** The same format for OTEL_RESOURCE_ATTRIBUTES; keys are kept as written (`deployment.environment.name`). */
export function parseResourceAttributes(text: string): Record<string, string> {
  return Object.fromEntries(parseOtelPairs('OTEL_RESOURCE_ATTRIBUTES', text, (key) => key.length > 0));
}

/** The pairs of a comma-separated `key=value` list, trimmed, empty entries skipped, values percent-decoded. */
function parseOtelPairs(name: string, text: string, validKey: (key: string) => boolean, keyRule = ''): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const pair of text.split(',')) {
    if (!pair.trim()) continue;
    const separator = pair.indexOf('=');
    const key = (separator === -1 ? '' : pair.slice(0, separator)).trim();
    if (!validKey(key)) throw new Error(`${name}: "${pair.trim()}" is not key=value${keyRule ? ` ${keyRule}` : ''}.`);
    try {
      pairs.push([key, decodeURIComponent(pair.slice(separator + 1).trim())]);
    } catch {
      throw new Error(`${name}: the value of "${key}" is not valid percent-encoding.`);
    }
  }
  return pairs;
}

/**
 * The gateway's sampler is parent-based: a caller's sampled flag is always followed and new traces
 * are kept at a ratio. The standard samplers map onto that ratio; the two that would ignore the
 * caller's decision (`always_on`, `always_off`, `traceidratio`) are taken as their parent-based
 * forms, which differ from them only for requests that arrive with a `traceparent`.
 */
function samplerRatio(sampler: string | undefined, argument: string | undefined): number | undefined {
  if (sampler === undefined) return undefined;
  switch (sampler.toLowerCase()) {
    case 'always_on':
    case 'parentbased_always_on':
      return 1;
    case 'always_off':
    case 'parentbased_always_off':
      return 0;
    case 'traceidratio':
    case 'parentbased_traceidratio': {
      if (argument === undefined) return 1;
      const ratio = Number(argument);
      if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) throw new Error(`OTEL_TRACES_SAMPLER_ARG: "${argument}" is not a ratio between 0 and 1.`);
      return ratio;
    }
    default:
      throw new Error(`OTEL_TRACES_SAMPLER: "${sampler}" is not supported; use always_on, always_off, traceidratio or their parentbased_ forms.`);
  }
}
