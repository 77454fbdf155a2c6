import type { FinishedSpan, ResourceAttributes } from './finished-span.js';
import { JsonBytes } from './json-bytes.js';

/** The instrumentation scope every span is reported under. */
export const scopeName = '@switchyard/observability';

/**
 * One OTLP/HTTP JSON body (an ExportTraceServiceRequest) for a batch of spans, as text.
 * Encoding rules: https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding — ids as hex
 * (not base64), enums as integers, 64-bit integers as decimal strings.
 */
export function encodeOtlpTraces(spans: readonly FinishedSpan[], serviceName: string, extraResource?: ResourceAttributes): string {
  return encodeOtlpBody(spans, serviceName, extraResource).toString('utf8');
}

/** The same body as bytes, for sending. */
export function encodeOtlpBody(spans: readonly FinishedSpan[], serviceName: string, extraResource?: ResourceAttributes): Buffer {
  const out = new JsonBytes(256 + spans.length * 1024);
  writeOtlpHead(out, serviceName, extraResource);
  for (let index = 0; index < spans.length; index += 1) writeOtlpSpan(out, spans[index]!, index === 0);
  writeOtlpTail(out);
  return out.view();
}

/** The body up to the spans array's opening bracket: spans then go after it, comma-separated. */
export function writeOtlpHead(out: JsonBytes, serviceName: string, extraResource?: ResourceAttributes): void {
  out.ascii('{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":');
  out.string(serviceName);
  out.ascii('}}');
  if (extraResource) {
    for (const key in extraResource) {
      if (key === 'service.name') continue;
      out.ascii(',{"key":');
      out.string(key);
      out.ascii(',"value":{"stringValue":');
      out.string(extraResource[key]!);
      out.ascii('}}');
    }
  }
  out.ascii(`]},"scopeSpans":[{"scope":{"name":"${scopeName}"},"spans":[`);
}

export function writeOtlpTail(out: JsonBytes): void {
  out.ascii(']}]}]}');
}

/** One span, preceded by a comma unless it is the first of the body. */
export function writeOtlpSpan(out: JsonBytes, span: FinishedSpan, first: boolean): void {
  out.ascii(first ? '{"traceId":' : ',{"traceId":');
  out.string(span.traceId);
  out.ascii(',"spanId":');
  out.string(span.spanId);
  if (span.parentSpanId) {
    out.ascii(',"parentSpanId":');
    out.string(span.parentSpanId);
  }
  out.ascii(',"name":');
  out.string(span.name);
  // SpanKind in trace.proto: SERVER 2, CLIENT 3.
  out.ascii(span.kind === 'server' ? ',"kind":2,"startTimeUnixNano":"' : ',"kind":3,"startTimeUnixNano":"');
  writeNanoseconds(out, span.startTimeMs);
  out.ascii('","endTimeUnixNano":"');
  writeNanoseconds(out, span.endTimeMs);
  out.ascii('","attributes":[');
  let none = true;
  if (span.sharedAttributes) {
    const shared = encodedShared(span.sharedAttributes);
    if (shared.length > 0) {
      out.bytes(shared);
      none = false;
    }
  }
  writeAttributes(out, span.attributes, none);
  out.ascii(']');
  // STATUS_CODE_ERROR; an unset status is left out, as proto3 JSON does for default values.
  if (span.status) {
    if (span.status.message === undefined) out.ascii(',"status":{"code":2}');
    else {
      out.ascii(',"status":{"code":2,"message":');
      out.string(span.status.message);
      out.ascii('}');
    }
  }
  out.ascii('}');
}

function writeAttributes(out: JsonBytes, attributes: FinishedSpan['attributes'], first: boolean): void {
  for (const key in attributes) {
    const value: unknown = attributes[key];
    // Not an OTLP attribute value (undefined, null, objects): left off the span.
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
    if (!first) out.ascii(',');
    first = false;
    out.bytes(keyPrefix(key));
    if (typeof value === 'string') {
      out.ascii('{"stringValue":');
      out.string(value);
      out.ascii('}}');
    } else if (typeof value === 'boolean') {
      out.ascii(value ? '{"boolValue":true}}' : '{"boolValue":false}}');
    } else if (Number.isSafeInteger(value)) {
      // intValue is an int64: only integers a double holds exactly go there.
      out.ascii('{"intValue":"');
      out.ascii(String(value));
      out.ascii('"}}');
    } else if (Number.isFinite(value)) {
      out.ascii('{"doubleValue":');
      out.ascii(String(value));
      out.ascii('}}');
    } else {
      // JSON has no NaN or Infinity literals; proto3 JSON spells them as strings.
      out.ascii(Number.isNaN(value) ? '{"doubleValue":"NaN"}}' : value > 0 ? '{"doubleValue":"Infinity"}}' : '{"doubleValue":"-Infinity"}}');
    }
  }
}

// Attribute keys are a small fixed set (the GenAI and switchyard names): each is encoded once.
const keyPrefixes = new Map<string, Buffer>();
function keyPrefix(key: string): Buffer {
  let prefix = keyPrefixes.get(key);
  if (prefix === undefined) {
    prefix = Buffer.from(`{"key":${JSON.stringify(key)},"value":`);
    // Bounded, should a caller ever use keys made per request.
    if (keyPrefixes.size < 1024) keyPrefixes.set(key, prefix);
  }
  return prefix;
}

// Shared attributes are frozen and reused by many spans: each object is encoded once.
const sharedEncodings = new WeakMap<object, Buffer>();
function encodedShared(attributes: FinishedSpan['attributes']): Buffer {
  let encoded = sharedEncodings.get(attributes);
  if (encoded === undefined) {
    const out = new JsonBytes(512);
    writeAttributes(out, attributes, true);
    encoded = Buffer.from(out.view());
    sharedEncodings.set(attributes, encoded);
  }
  return encoded;
}

/**
 * Epoch ms (fractions allowed) as a decimal string of integer nanoseconds. Whole milliseconds and
 * the fraction are converted apart: `ms * 1e6` as a double loses the low digits at epoch scale.
 */
export function millisecondsToNanoseconds(milliseconds: number): string {
  const out = new JsonBytes(32);
  writeNanoseconds(out, milliseconds);
  return out.view().toString('latin1');
}

/** `millisecondsToNanoseconds`, written into the body without making the string. */
function writeNanoseconds(out: JsonBytes, milliseconds: number): void {
  if (!(milliseconds > 0) || !Number.isFinite(milliseconds)) {
    out.ascii('0');
    return;
  }
  let whole = Math.floor(milliseconds);
  let fraction = Math.round((milliseconds - whole) * 1e6);
  if (fraction === 1_000_000) {
    whole += 1;
    fraction = 0;
  }
  if (whole === 0) {
    out.ascii(String(fraction));
    return;
  }
  out.ascii(String(whole));
  out.digits(fraction, 6);
}
