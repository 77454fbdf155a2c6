/**
 * What an OTLP/HTTP collector makes of a traces body, for tests: protobuf (by a wire decoder of our
 * own, independent of the encoder) or JSON, either way as the OTLP/JSON object the JSON encoder
 * writes. A body that is not well-formed throws, including a varint longer than it needs to be.
 */
export function decodeOtlpTraces(body: Uint8Array, contentType: string | undefined): any {
  if (contentType === 'application/json') return JSON.parse(Buffer.from(body).toString('utf8'));
  if (contentType !== 'application/x-protobuf') throw new Error(`not an OTLP content type: ${contentType}`);
  return { resourceSpans: all(body, 1).map(resourceSpans) };
}

/** Every span of the body, across its resources and scopes. */
export function decodedSpans(request: any): any[] {
  return request.resourceSpans.flatMap((resource: any) => resource.scopeSpans.flatMap((scope: any) => scope.spans));
}

export interface WireField {
  field: number;
  wireType: number;
  /** A varint or a fixed64/fixed32 as an unsigned integer; length-delimited contents as bytes. */
  value: bigint | Uint8Array;
}

/** One message's fields in the order they came: protobuf's wire format, without a schema. */
export function decodeWireFields(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let at = 0;
  const take = (count: number) => {
    if (at + count > bytes.length) throw new Error(`field runs past the end of its message (${at + count} > ${bytes.length})`);
    at += count;
    return bytes.subarray(at - count, at);
  };
  const readVarint = () => {
    let value = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const [byte] = take(1);
      value |= BigInt(byte! & 0x7f) << shift;
      if (byte! < 0x80) {
        if (byte === 0 && shift > 0n) throw new Error('varint longer than it needs to be');
        return value;
      }
    }
  };
  const littleEndian = (chunk: Uint8Array) => chunk.reduceRight((value, byte) => (value << 8n) | BigInt(byte), 0n);
  while (at < bytes.length) {
    const key = Number(readVarint());
    const field = key >>> 3;
    const wireType = key & 7;
    if (field === 0) throw new Error('field number 0');
    if (wireType === 0) fields.push({ field, wireType, value: readVarint() });
    else if (wireType === 1) fields.push({ field, wireType, value: littleEndian(take(8)) });
    else if (wireType === 2) fields.push({ field, wireType, value: take(Number(readVarint())) });
    else if (wireType === 5) fields.push({ field, wireType, value: littleEndian(take(4)) });
    else throw new Error(`wire type ${wireType}`);
  }
  return fields;
}

const varint = 0;
const eightBytes = 1;
const delimited = 2;

/** Every value of one field, which must come with the wire type its .proto declaration gives it. */
function all(bytes: Uint8Array, field: number, wireType = delimited): any[] {
  return decodeWireFields(bytes)
    .filter((candidate) => candidate.field === field)
    .map((candidate) => {
      if (candidate.wireType !== wireType) throw new Error(`field ${field} came as wire type ${candidate.wireType}, not ${wireType}`);
      return candidate.value;
    });
}

function one(bytes: Uint8Array, field: number, wireType = delimited): any {
  const values = all(bytes, field, wireType);
  if (values.length > 1) throw new Error(`field ${field} appears ${values.length} times`);
  return values[0];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const text = (bytes: Uint8Array | undefined) => (bytes === undefined ? '' : utf8.decode(bytes));
const hex = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('hex');

function resourceSpans(bytes: Uint8Array) {
  const resource = one(bytes, 1);
  return { resource: { attributes: resource ? all(resource, 1).map(keyValue) : [] }, scopeSpans: all(bytes, 2).map(scopeSpans) };
}

function scopeSpans(bytes: Uint8Array) {
  const scope = one(bytes, 1);
  return { scope: { name: text(scope ? one(scope, 1) : undefined) }, spans: all(bytes, 2).map(span) };
}

function span(bytes: Uint8Array) {
  const parent = one(bytes, 4);
  const status = one(bytes, 15);
  return {
    traceId: hex(one(bytes, 1)),
    spanId: hex(one(bytes, 2)),
    ...(parent ? { parentSpanId: hex(parent) } : {}),
    name: text(one(bytes, 5)),
    kind: Number(one(bytes, 6, varint) ?? 0n),
    startTimeUnixNano: String(one(bytes, 7, eightBytes) ?? 0n),
    endTimeUnixNano: String(one(bytes, 8, eightBytes) ?? 0n),
    attributes: all(bytes, 9).map(keyValue),
    ...(status ? { status: statusOf(status) } : {}),
  };
}

function statusOf(bytes: Uint8Array) {
  const message = one(bytes, 2);
  return { code: Number(one(bytes, 3, varint) ?? 0n), ...(message ? { message: text(message) } : {}) };
}

function keyValue(bytes: Uint8Array) {
  const fields = decodeWireFields(one(bytes, 2) ?? new Uint8Array());
  if (fields.length !== 1) throw new Error(`an AnyValue with ${fields.length} fields`);
  const [{ field, wireType, value }] = fields as [WireField];
  return { key: text(one(bytes, 1)), value: anyValue(field, wireType, value) };
}

function anyValue(field: number, wireType: number, value: bigint | Uint8Array) {
  if (field === 1 && wireType === delimited) return { stringValue: text(value as Uint8Array) };
  if (field === 2 && wireType === varint) return { boolValue: value === 1n };
  // int64 as OTLP/JSON writes it: a decimal string, negative values from their two's complement.
  if (field === 3 && wireType === varint) return { intValue: String(BigInt.asIntN(64, value as bigint)) };
  if (field === 4 && wireType === eightBytes) {
    const double = Buffer.alloc(8);
    double.writeBigUInt64LE(value as bigint);
    const number = double.readDoubleLE();
    return { doubleValue: Number.isFinite(number) ? number : String(number) };
  }
  throw new Error(`AnyValue field ${field} of wire type ${wireType}`);
}
