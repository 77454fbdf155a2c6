import type { FinishedSpan } from './finished-span.js';

/** The instrumentation scope every span is reported under. */
export const scopeName = '@switchyard/observability';

/**
 * One OTLP/HTTP JSON body (an ExportTraceServiceRequest) for a batch of spans, written as a string
 * directly: building the object tree first and stringifying it was most of the SDK exporter's cost.
 * Encoding rules: https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding — ids as hex
 * (not base64), enums as integers, 64-bit integers as decimal strings.
 */
export function encodeOtlpTraces(spans: readonly FinishedSpan[], serviceName: string): string {
  return `${otlpTracesHead(serviceName)}${encodeOtlpSpans(spans)}${otlpTracesTail}`;
}

/** The body up to the spans array's opening bracket: spans then go after it, comma-separated. */
export function otlpTracesHead(serviceName: string): string {
  return `{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":${JSON.stringify(serviceName)}}}]},"scopeSpans":[{"scope":{"name":"${scopeName}"},"spans":[`;
}

export const otlpTracesTail = ']}]}]}';

/** Spans as comma-separated OTLP JSON objects, the middle of a body. */
export function encodeOtlpSpans(spans: readonly FinishedSpan[]): string {
  let json = '';
  for (let index = 0; index < spans.length; index += 1) {
    if (index > 0) json += ',';
    json += encodeSpan(spans[index]!);
  }
  return json;
}

// SpanKind in trace.proto.
const kindNumber = { server: 2, client: 3 } as const;

function encodeSpan(span: FinishedSpan): string {
  let json = `{"traceId":"${span.traceId}","spanId":"${span.spanId}"`;
  if (span.parentSpanId) json += `,"parentSpanId":"${span.parentSpanId}"`;
  json += `,"name":${JSON.stringify(span.name)},"kind":${kindNumber[span.kind]},"startTimeUnixNano":"${millisecondsToNanoseconds(span.startTimeMs)}","endTimeUnixNano":"${millisecondsToNanoseconds(span.endTimeMs)}","attributes":[`;
  let first = true;
  for (const key in span.attributes) {
    const value = encodeValue(span.attributes[key]);
    if (value === undefined) continue;
    json += `${first ? '' : ','}${keyPrefix(key)}${value}}`;
    first = false;
  }
  json += ']';
  // STATUS_CODE_ERROR; an unset status is left out, as proto3 JSON does for default values.
  if (span.status) json += span.status.message === undefined ? ',"status":{"code":2}' : `,"status":{"code":2,"message":${JSON.stringify(span.status.message)}}`;
  return `${json}}`;
}

// Attribute keys are a small fixed set (the GenAI and switchyard names): each is escaped once.
const keyPrefixes = new Map<string, string>();
function keyPrefix(key: string): string {
  let prefix = keyPrefixes.get(key);
  if (prefix === undefined) {
    prefix = `{"key":${JSON.stringify(key)},"value":`;
    // Bounded, should a caller ever use keys made per request.
    if (keyPrefixes.size < 1024) keyPrefixes.set(key, prefix);
  }
  return prefix;
}

function encodeValue(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return `{"stringValue":${JSON.stringify(value)}}`;
    case 'boolean':
      return value ? '{"boolValue":true}' : '{"boolValue":false}';
    case 'number':
      // intValue is an int64: only integers a double holds exactly go there.
      if (Number.isSafeInteger(value)) return `{"intValue":"${value}"}`;
      if (Number.isFinite(value)) return `{"doubleValue":${value}}`;
      // JSON has no NaN or Infinity literals; proto3 JSON spells them as strings.
      return `{"doubleValue":"${Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity'}"}`;
    default:
      // Not an OTLP attribute value (undefined, null, objects): left off the span.
      return undefined;
  }
}

/**
 * Epoch ms (fractions allowed) as a decimal string of integer nanoseconds. Whole milliseconds and
 * the fraction are converted apart: `ms * 1e6` as a double loses the low digits at epoch scale.
 */
export function millisecondsToNanoseconds(milliseconds: number): string {
  if (!(milliseconds > 0) || !Number.isFinite(milliseconds)) return '0';
  let whole = Math.floor(milliseconds);
  let fraction = Math.round((milliseconds - whole) * 1e6);
  if (fraction === 1_000_000) {
    whole += 1;
    fraction = 0;
  }
  if (whole === 0) return String(fraction);
  return `${whole}${String(fraction).padStart(6, '0')}`;
}
