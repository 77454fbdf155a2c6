import type { FinishedSpan, ResourceAttributes } from './finished-span.js';
import { scopeName } from './otlp-json.js';
import { ProtobufBytes, int64Size, utf8Size, varintSize } from './protobuf-bytes.js';

/*
 * An OTLP/HTTP protobuf body: an ExportTraceServiceRequest in proto3's binary wire format. Field
 * numbers, from github.com/open-telemetry/opentelemetry-proto:
 *   collector/trace/v1/trace_service.proto  ExportTraceServiceRequest  resource_spans 1
 *   trace/v1/trace.proto       ResourceSpans  resource 1, scope_spans 2
 *                              ScopeSpans     scope 1, spans 2
 *                              Span           trace_id 1, span_id 2 (bytes), parent_span_id 4, name 5,
 *                                             kind 6 (enum), start_time_unix_nano 7, end_time_unix_nano 8
 *                                             (fixed64), attributes 9, status 15
 *                              Status         message 2, code 3 (enum; ERROR is 2)
 *   resource/v1/resource.proto Resource       attributes 1
 *   common/v1/common.proto     InstrumentationScope name 1; KeyValue key 1, value 2;
 *                              AnyValue       string_value 1, bool_value 2, int_value 3 (int64), double_value 4
 * A tag byte is the field number times 8 plus the wire type: 0 varint, 1 eight bytes, 2 length-delimited.
 * Fields holding their default value are left out, as proto3 encoders do, except in AnyValue's
 * oneof, where the field that is set is what says the value's type.
 */
const varint = 0;
const eightBytes = 1;
const delimited = 2;
const tag = (field: number, wireType: number) => field * 8 + wireType;

const requestResourceSpans = tag(1, delimited);
const resourceSpansResource = tag(1, delimited);
const resourceSpansScopeSpans = tag(2, delimited);
const resourceAttributes = tag(1, delimited);
const scopeSpansScope = tag(1, delimited);
const scopeSpansSpans = tag(2, delimited);
const scopeNameField = tag(1, delimited);
const spanTraceId = tag(1, delimited);
const spanSpanId = tag(2, delimited);
const spanParentSpanId = tag(4, delimited);
const spanName = tag(5, delimited);
const spanKind = tag(6, varint);
const spanStartTime = tag(7, eightBytes);
const spanEndTime = tag(8, eightBytes);
const spanAttributes = tag(9, delimited);
const spanStatus = tag(15, delimited);
const statusMessage = tag(2, delimited);
const statusCode = tag(3, varint);
const keyValueKey = tag(1, delimited);
const keyValueValue = tag(2, delimited);
const anyString = tag(1, delimited);
const anyBool = tag(2, varint);
const anyInt = tag(3, varint);
const anyDouble = tag(4, eightBytes);

const spanKindServer = 2;
const spanKindClient = 3;
const statusCodeError = 2;

/** One body for a batch of spans, as bytes. */
export function encodeOtlpProtobufBody(spans: readonly FinishedSpan[], serviceName: string, extraResource?: ResourceAttributes): Buffer {
  const out = new ProtobufBytes(64 + spans.length * 512);
  writeOtlpProtobufHead(out, serviceName, extraResource);
  for (const span of spans) writeOtlpProtobufSpan(out, span);
  writeOtlpProtobufTail(out);
  return out.view();
}

/** The request up to its first span: the resource and the scope, with room for the headers `writeOtlpProtobufTail` writes. */
export function writeOtlpProtobufHead(out: ProtobufBytes, serviceName: string, extraResource?: ResourceAttributes): void {
  out.openOuter(requestResourceSpans);
  const resource = out.open(resourceSpansResource);
  writeAttribute(out, resourceAttributes, keyField('service.name'), serviceName);
  if (extraResource) {
    for (const key in extraResource) if (key !== 'service.name') writeAttribute(out, resourceAttributes, keyField(key), extraResource[key]!);
  }
  out.close(resource);
  out.openOuter(resourceSpansScopeSpans);
  out.bytes(scopeField);
}

/** Ends the body: `out.view()` is then the request. */
export function writeOtlpProtobufTail(out: ProtobufBytes): void {
  out.closeOuter();
  out.closeOuter();
}

export function writeOtlpProtobufSpan(out: ProtobufBytes, span: FinishedSpan): void {
  const contents = out.open(scopeSpansSpans);
  writeId(out, spanTraceId, span.traceId, lastTraceId);
  writeId(out, spanSpanId, span.spanId, span.parentSpanId ? undefined : lastParentId);
  if (span.parentSpanId) writeId(out, spanParentSpanId, span.parentSpanId, lastParentId);
  const shared = span.sharedAttributes;
  if (shared) {
    // A shape's spans share their name as well as these attributes: both were encoded once.
    const encoded = encodedShared(shared, span.name);
    if (span.name === encoded.name) out.bytes(encoded.nameField);
    else writeName(out, span.name);
    writeKindAndTimes(out, span);
    out.bytes(encoded.attributes);
  } else {
    writeName(out, span.name);
    writeKindAndTimes(out, span);
  }
  writeAttributes(out, span.attributes);
  if (span.status) writeErrorStatus(out, span.status.message);
  out.close(contents);
}

function writeName(out: ProtobufBytes, name: string): void {
  if (!name) return;
  const size = utf8Size(name);
  out.byte(spanName);
  out.varint(size);
  out.utf8(name, size);
}

function writeKindAndTimes(out: ProtobufBytes, span: FinishedSpan): void {
  out.byte(spanKind);
  out.byte(span.kind === 'server' ? spanKindServer : spanKindClient);
  writeTime(out, spanStartTime, span.startTimeMs);
  writeTime(out, spanEndTime, span.endTimeMs);
}

// A request's spans repeat two ids: its trace id, in each of them, and its own span id, as its
// upstream calls' parent (written first: the server span ends last). Each is decoded once.
const lastTraceId = { hex: '', bytes: Buffer.alloc(16) };
const lastParentId = { hex: '', bytes: Buffer.alloc(8) };

function writeId(out: ProtobufBytes, field: number, hex: string, last?: { hex: string; bytes: Buffer }): void {
  const size = hex.length >>> 1;
  out.byte(field);
  out.varint(size);
  // The size check also keeps an empty id from matching the cache before it holds one.
  if (last && last.hex === hex && size === last.bytes.length) {
    out.bytes(last.bytes);
    return;
  }
  out.hex(hex);
  if (last && size === last.bytes.length) {
    out.copyLast(size, last.bytes);
    last.hex = hex;
  }
}

function writeErrorStatus(out: ProtobufBytes, message: string | undefined): void {
  const size = message ? utf8Size(message) : 0;
  out.byte(spanStatus);
  out.varint(size > 0 ? 1 + varintSize(size) + size + 2 : 2);
  if (size > 0) {
    out.byte(statusMessage);
    out.varint(size);
    out.utf8(message!, size);
  }
  out.byte(statusCode);
  out.byte(statusCodeError);
}

/**
 * Epoch ms (fractions allowed) as fixed64 nanoseconds, rounded to the nanosecond as the JSON
 * encoder's `millisecondsToNanoseconds` does. `ms * 1e6` as a double loses the low digits beyond
 * 2^53, so the whole milliseconds are split into 32-bit halves and each is multiplied apart.
 */
function writeTime(out: ProtobufBytes, field: number, milliseconds: number): void {
  if (!(milliseconds > 0) || !Number.isFinite(milliseconds)) return;
  let whole = Math.floor(milliseconds);
  let fraction = Math.round((milliseconds - whole) * 1e6);
  if (fraction === 1_000_000) {
    whole += 1;
    fraction = 0;
  }
  const wholeHigh = Math.floor(whole / 0x1_0000_0000);
  // Below 2^32 × 10^6 + 10^6 < 2^53: exact.
  const low = (whole - wholeHigh * 0x1_0000_0000) * 1e6 + fraction;
  const carry = Math.floor(low / 0x1_0000_0000);
  const high = wholeHigh * 1e6 + carry;
  if (low === 0 && high === 0) return;
  out.byte(field);
  out.fixed32(low - carry * 0x1_0000_0000);
  out.fixed32(high);
}

function writeAttributes(out: ProtobufBytes, attributes: FinishedSpan['attributes']): void {
  for (const key in attributes) {
    const value: unknown = attributes[key];
    // Not an OTLP attribute value (undefined, null, objects): left off the span, as in the JSON encoder.
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
    writeAttribute(out, spanAttributes, keyField(key), value);
  }
}

/** A KeyValue whose key field `key` is already encoded; its length is worked out before it is written. */
function writeAttribute(out: ProtobufBytes, field: number, key: Buffer, value: string | number | boolean): void {
  out.byte(field);
  if (typeof value === 'string') {
    const size = utf8Size(value);
    const anyValue = 1 + varintSize(size) + size;
    out.varint(key.length + 1 + varintSize(anyValue) + anyValue);
    out.bytes(key);
    out.byte(keyValueValue);
    out.varint(anyValue);
    out.byte(anyString);
    out.varint(size);
    out.utf8(value, size);
  } else if (typeof value === 'boolean') {
    out.varint(key.length + 4);
    out.bytes(key);
    out.byte(keyValueValue);
    out.byte(2);
    out.byte(anyBool);
    out.byte(value ? 1 : 0);
  } else if (Number.isSafeInteger(value)) {
    // int_value is an int64: only integers a double holds exactly go there, as in the JSON encoder.
    const size = int64Size(value);
    out.varint(key.length + 3 + size);
    out.bytes(key);
    out.byte(keyValueValue);
    out.byte(1 + size);
    out.byte(anyInt);
    out.int64(value);
  } else {
    // Every other number, NaN and the infinities included: a double carries them all.
    out.varint(key.length + 11);
    out.bytes(key);
    out.byte(keyValueValue);
    out.byte(9);
    out.byte(anyDouble);
    out.double(value);
  }
}

// Attribute keys are a small fixed set (the GenAI and switchyard names): each key field is encoded once.
const keyFields = new Map<string, Buffer>();
function keyField(key: string): Buffer {
  let field = keyFields.get(key);
  if (field === undefined) {
    const size = utf8Size(key);
    const out = new ProtobufBytes(size + 8);
    out.byte(keyValueKey);
    out.varint(size);
    out.utf8(key, size);
    field = Buffer.from(out.view());
    // Bounded, should a caller ever use keys made per request.
    if (keyFields.size < 1024) keyFields.set(key, field);
  }
  return field;
}

// Shared attributes are frozen and reused by many spans: each object is encoded once, as whole
// `attributes` fields, which are then copied into every span that has them. The spans sharing
// one object share their name too (both come from the span's shape): it is kept encoded with them.
interface SharedEncoding {
  name: string;
  nameField: Buffer;
  attributes: Buffer;
}
const sharedEncodings = new WeakMap<object, SharedEncoding>();
function encodedShared(attributes: FinishedSpan['attributes'], name: string): SharedEncoding {
  let encoded = sharedEncodings.get(attributes);
  if (encoded === undefined) {
    const out = new ProtobufBytes(512);
    writeAttributes(out, attributes);
    const nameOut = new ProtobufBytes(64);
    writeName(nameOut, name);
    encoded = { name, nameField: Buffer.from(nameOut.view()), attributes: Buffer.from(out.view()) };
    sharedEncodings.set(attributes, encoded);
  }
  return encoded;
}

// The scope is the same in every body.
const scopeField = (() => {
  const out = new ProtobufBytes(64);
  const scope = out.open(scopeSpansScope);
  const size = utf8Size(scopeName);
  out.byte(scopeNameField);
  out.varint(size);
  out.utf8(scopeName, size);
  out.close(scope);
  return Buffer.from(out.view());
})();
