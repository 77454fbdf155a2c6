import { describe, expect, it } from 'vitest';
import { decodeOtlpTraces, decodeWireFields, decodedSpans } from '../../test/decode-otlp-traces.js';
import type { FinishedSpan } from './finished-span.js';
import { encodeOtlpBody, millisecondsToNanoseconds } from './otlp-json.js';
import { encodeOtlpProtobufBody } from './otlp-protobuf.js';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const span: FinishedSpan = {
  traceId,
  spanId: '00f067aa0ba902b7',
  name: 'chat gpt-4o-mini',
  kind: 'server',
  startTimeMs: 1_700_000_000_123.0625,
  endTimeMs: 1_700_000_000_163.5625,
  attributes: {},
};

const decode = (body: Uint8Array) => decodeOtlpTraces(body, 'application/x-protobuf');
const spansOf = (spans: FinishedSpan[], serviceName = 'svc') => decodedSpans(decode(encodeOtlpProtobufBody(spans, serviceName)));
const attributesOf = (decoded: { attributes: Array<{ key: string; value: unknown }> }) => Object.fromEntries(decoded.attributes.map((attribute) => [attribute.key, attribute.value]));
/** The raw fields of the body's first span (request → resource_spans → scope_spans → spans). */
function rawFirstSpan(body: Uint8Array) {
  const inner = (bytes: Uint8Array, field: number) => decodeWireFields(bytes).find((candidate) => candidate.field === field)!.value as Uint8Array;
  return decodeWireFields(inner(inner(body, 1), 2)).filter((candidate) => candidate.field === 2)[0]!.value as Uint8Array;
}

describe('encodeOtlpProtobufBody', () => {
  it('puts resource attributes after service.name, and leaves out a second service.name', () => {
    const request = decode(encodeOtlpProtobufBody([span], 'gw', { 'deployment.environment.name': 'prod-é', 'service.name': 'ignored', 'service.version': '1.2.3' }));
    expect(request.resourceSpans[0].resource.attributes).toEqual([
      { key: 'service.name', value: { stringValue: 'gw' } },
      { key: 'deployment.environment.name', value: { stringValue: 'prod-é' } },
      { key: 'service.version', value: { stringValue: '1.2.3' } },
    ]);
    expect(decodedSpans(request)).toHaveLength(1);
  });

  it('writes the resource, the scope, and each span\'s ids as raw bytes, name, kind and times', () => {
    const body = encodeOtlpProtobufBody([span, { ...span, spanId: 'b7ad6b7169203331', parentSpanId: '00f067aa0ba902b7', kind: 'client', name: 'chat' }], 'passerelle-é');
    const request = decode(body);
    expect(request.resourceSpans).toHaveLength(1);
    expect(request.resourceSpans[0].resource.attributes).toEqual([{ key: 'service.name', value: { stringValue: 'passerelle-é' } }]);
    expect(request.resourceSpans[0].scopeSpans).toHaveLength(1);
    expect(request.resourceSpans[0].scopeSpans[0].scope).toEqual({ name: '@switchyard/observability' });
    const [server, client] = decodedSpans(request);
    expect(server).toEqual({ traceId, spanId: '00f067aa0ba902b7', name: 'chat gpt-4o-mini', kind: 2, startTimeUnixNano: '1700000000123062500', endTimeUnixNano: '1700000000163562500', attributes: [] });
    expect(client).toMatchObject({ spanId: 'b7ad6b7169203331', parentSpanId: '00f067aa0ba902b7', name: 'chat', kind: 3 });

    const fields = decodeWireFields(rawFirstSpan(body));
    expect(fields.map((field) => [field.field, field.wireType])).toEqual([
      [1, 2],
      [2, 2],
      [5, 2],
      [6, 0],
      [7, 1],
      [8, 1],
    ]);
    expect(Buffer.from(fields[0]!.value as Uint8Array)).toEqual(Buffer.from(traceId, 'hex'));
    expect((fields[0]!.value as Uint8Array).length).toBe(16);
    expect(Buffer.from(fields[1]!.value as Uint8Array)).toEqual(Buffer.from('00f067aa0ba902b7', 'hex'));
    // fixed64 nanoseconds, exactly: a double product would end in …528.
    expect(fields[4]!.value).toBe(1_700_000_000_123_062_500n);
  });

  it('writes the same nanoseconds as the JSON encoder for fractional epoch milliseconds', () => {
    const times = [1_700_000_000_123.001, 1_700_000_000_000, 1_754_321_987_654.9999, 1_754_321_987_654.000_2, 1.9999999999, 0.5, 4_294_967_295.75, 4_294_967_296.25, 2 ** 40 + 0.125, 0, -5, Number.NaN];
    for (let index = 0; index < 200; index += 1) times.push(1_600_000_000_000 + Math.random() * 400_000_000_000);
    const decoded = spansOf(times.map((time, index) => ({ ...span, spanId: index.toString(16).padStart(16, '0'), startTimeMs: time, endTimeMs: time })));
    expect(decoded.map((one) => one.startTimeUnixNano)).toEqual(times.map(millisecondsToNanoseconds));
    expect(decoded.map((one) => one.endTimeUnixNano)).toEqual(times.map(millisecondsToNanoseconds));
    // No time at all (zero, negative, NaN): the fields are left out, as proto3 leaves out zeros.
    const absent = decodeWireFields(rawFirstSpan(encodeOtlpProtobufBody([{ ...span, startTimeMs: 0, endTimeMs: Number.NaN }], 's')));
    expect(absent.map((field) => field.field)).toEqual([1, 2, 5, 6]);
  });

  it('writes each kind of attribute value, and leaves off values OTLP cannot carry', () => {
    const attributes = {
      text: 'plain',
      accents: 'modèle — 模型 🚀',
      empty: '',
      yes: true,
      no: false,
      zero: 0,
      count: 42,
      negative: -3,
      lowest: Number.MIN_SAFE_INTEGER,
      highest: Number.MAX_SAFE_INTEGER,
      big: 2 ** 60,
      half: 0.5,
      cost: 0.000125,
      nan: Number.NaN,
      up: Number.POSITIVE_INFINITY,
      down: Number.NEGATIVE_INFINITY,
      gone: undefined,
      none: null,
      object: { nested: 1 },
    } as unknown as FinishedSpan['attributes'];
    const [decoded] = spansOf([{ ...span, attributes }]);
    expect(attributesOf(decoded)).toEqual({
      text: { stringValue: 'plain' },
      accents: { stringValue: 'modèle — 模型 🚀' },
      empty: { stringValue: '' },
      yes: { boolValue: true },
      no: { boolValue: false },
      zero: { intValue: '0' },
      count: { intValue: '42' },
      negative: { intValue: '-3' },
      lowest: { intValue: String(Number.MIN_SAFE_INTEGER) },
      highest: { intValue: String(Number.MAX_SAFE_INTEGER) },
      // Beyond 2^53 a double is no exact integer: it goes as a double.
      big: { doubleValue: 2 ** 60 },
      half: { doubleValue: 0.5 },
      cost: { doubleValue: 0.000125 },
      nan: { doubleValue: 'NaN' },
      up: { doubleValue: 'Infinity' },
      down: { doubleValue: '-Infinity' },
    });
    expect(decoded.attributes.map((attribute: { key: string }) => attribute.key)).not.toContain('gone');
  });

  it('writes a negative int_value as a ten-byte two\'s complement varint', () => {
    const body = encodeOtlpProtobufBody([{ ...span, attributes: { n: -1 } }], 's');
    const keyValue = decodeWireFields(rawFirstSpan(body)).find((field) => field.field === 9)!.value as Uint8Array;
    const anyValue = decodeWireFields(keyValue).find((field) => field.field === 2)!.value as Uint8Array;
    expect(Buffer.from(anyValue).toString('hex')).toBe(`18${'ff'.repeat(9)}01`);
  });

  it('writes a lone surrogate as U+FFFD, as protobuf strings must be UTF-8', () => {
    const [decoded] = spansOf([{ ...span, name: 'a\ud800b', attributes: { text: '\udc00' } }]);
    expect(decoded.name).toBe('a\ufffdb');
    expect(attributesOf(decoded).text).toEqual({ stringValue: '\ufffd' });
  });

  it('puts shared attributes on every span that shares them, before its own', () => {
    const shared = Object.freeze({ 'gen_ai.request.model': 'modèle', 'http.response.status_code': 200, 'switchyard.stream': false });
    const decoded = spansOf([
      { ...span, attributes: { own: 1 }, sharedAttributes: shared },
      { ...span, spanId: 'b7ad6b7169203331', attributes: {}, sharedAttributes: shared },
      { ...span, spanId: 'c7ad6b7169203331', attributes: { own: 'x' }, sharedAttributes: Object.freeze({}) },
    ]);
    const sharedDecoded = [
      { key: 'gen_ai.request.model', value: { stringValue: 'modèle' } },
      { key: 'http.response.status_code', value: { intValue: '200' } },
      { key: 'switchyard.stream', value: { boolValue: false } },
    ];
    expect(decoded[0].attributes).toEqual([...sharedDecoded, { key: 'own', value: { intValue: '1' } }]);
    expect(decoded[1].attributes).toEqual(sharedDecoded);
    expect(decoded[2].attributes).toEqual([{ key: 'own', value: { stringValue: 'x' } }]);
  });

  it('names each span as given when spans share one attributes object under different names', () => {
    const shared = Object.freeze({ 'gen_ai.operation.name': 'chat' });
    const decoded = spansOf([
      { ...span, name: 'chat model-a', sharedAttributes: shared },
      { ...span, name: 'chat model-b', sharedAttributes: shared },
      { ...span, name: '', sharedAttributes: shared },
      { ...span, name: 'chat model-a', sharedAttributes: shared },
    ]);
    expect(decoded.map((one) => one.name)).toEqual(['chat model-a', 'chat model-b', '', 'chat model-a']);
    for (const one of decoded) expect(one.attributes).toEqual([{ key: 'gen_ai.operation.name', value: { stringValue: 'chat' } }]);
  });

  it('writes every span\'s own ids when requests follow one another, sharing trace and parent ids within each', () => {
    // As the tracer hands them over: a request's upstream calls (children of its span), then its span.
    const requestSpans = (trace: string, server: string, clients: string[], parent?: string): FinishedSpan[] => [
      ...clients.map((client) => ({ ...span, traceId: trace, spanId: client, parentSpanId: server, kind: 'client' as const })),
      { ...span, traceId: trace, spanId: server, ...(parent ? { parentSpanId: parent } : {}) },
    ];
    const spans = [
      ...requestSpans('11111111111111111111111111111111', 'aaaaaaaaaaaaaaaa', ['a1a1a1a1a1a1a1a1', 'a2a2a2a2a2a2a2a2']),
      ...requestSpans('22222222222222222222222222222222', 'bbbbbbbbbbbbbbbb', ['b1b1b1b1b1b1b1b1'], 'cccccccccccccccc'),
      // A span id seen before as a parent, under another trace; and a trace id seen two requests ago.
      ...requestSpans('33333333333333333333333333333333', 'cccccccccccccccc', []),
      ...requestSpans('11111111111111111111111111111111', 'dddddddddddddddd', ['aaaaaaaaaaaaaaaa']),
    ];
    const decoded = spansOf(spans);
    expect(decoded.map((one) => [one.traceId, one.spanId, one.parentSpanId])).toEqual(spans.map((one) => [one.traceId, one.spanId, one.parentSpanId]));
  });

  it('writes an error status with its message, and none for a span that did not fail', () => {
    const decoded = spansOf([
      { ...span, status: { code: 'error', message: 'upstream said « non »' } },
      { ...span, status: { code: 'error' } },
      span,
    ]);
    expect(decoded.map((one) => one.status)).toEqual([{ code: 2, message: 'upstream said « non »' }, { code: 2 }, undefined]);
  });

  it('writes an empty batch as a valid request', () => {
    const request = decode(encodeOtlpProtobufBody([], 's'));
    expect(request.resourceSpans[0].scopeSpans[0]).toEqual({ scope: { name: '@switchyard/observability' }, spans: [] });
  });

  it('writes lengths of every size: tiny spans, spans past 16 KiB, and a body past 2 MiB', () => {
    const spans: FinishedSpan[] = [];
    for (let index = 0; index < 3000; index += 1) {
      const own: FinishedSpan['attributes'] = { index };
      if (index % 1000 === 3) own['gen_ai.input.messages'] = '€'.repeat(index === 3 ? 10_000 : 800_000);
      // Bare spans take fewer than 128 bytes: their one-byte length moves them back a byte.
      spans.push(index % 7 === 0 ? { traceId, spanId: (index + 1).toString(16).padStart(16, '0'), name: '', kind: 'client', startTimeMs: 0, endTimeMs: 0, attributes: {} } : { ...span, spanId: (index + 1).toString(16).padStart(16, '0'), name: `span ${index}`, attributes: own });
    }
    const body = encodeOtlpProtobufBody(spans, 'svc');
    expect(body.length).toBeGreaterThan(2 ** 21);
    // resource_spans' length takes four bytes here; the decoder refuses any varint longer than it needs.
    expect(body[0]).toBe(0x0a);
    expect([...body.subarray(1, 5)].map((byte) => byte >= 0x80)).toEqual([true, true, true, false]);
    const decoded = decodedSpans(decode(body));
    expect(decoded).toHaveLength(3000);
    expect(decoded.map((one) => one.spanId)).toEqual(spans.map((one) => one.spanId));
    expect(attributesOf(decoded[3])['gen_ai.input.messages']).toEqual({ stringValue: '€'.repeat(10_000) });
    expect(attributesOf(decoded[2003])['gen_ai.input.messages']).toEqual({ stringValue: '€'.repeat(800_000) });
    expect(decoded[0]).toEqual({ traceId, spanId: '0000000000000001', name: '', kind: 3, startTimeUnixNano: '0', endTimeUnixNano: '0', attributes: [] });
    expect(attributesOf(decoded[2999])).toEqual({ index: { intValue: '2999' } });
  });

  it('carries what the JSON encoding carries, for varied spans', () => {
    const random = seededRandom(20240607);
    const pick = <T>(choices: readonly T[]): T => choices[Math.floor(random() * choices.length)]!;
    const hex = (digits: number) => Array.from({ length: digits }, () => pick('0123456789abcdef'.split(''))).join('');
    const strings = ['', 'chat', 'gpt-4o-mini', 'é', 'モデル', '🚀 launch', 'a"b\\c\n\t', 'x'.repeat(130), 'ü'.repeat(70), '\u2028'];
    const numbers = [0, -0, 1, -1, 127, 128, -128, 2 ** 31, -(2 ** 31), 2 ** 32, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 2 ** 64, 0.1, -2.5, 1e-300, 1.7976931348623157e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    const value = () => (random() < 0.4 ? pick(strings) : random() < 0.5 ? pick(numbers) : random() < 0.5 ? random() * 1000 : random() < 0.5);
    const attributes = () => {
      const made: FinishedSpan['attributes'] = {};
      const count = Math.floor(random() * 12);
      for (let index = 0; index < count; index += 1) made[pick(['gen_ai.operation.name', 'gen_ai.usage.input_tokens', 'http.response.status_code', 'clé', `k${index}`, 'switchyard.cost_usd'])] = value();
      return made;
    };
    const sharedObjects = Array.from({ length: 4 }, () => Object.freeze(attributes()));
    const spans: FinishedSpan[] = Array.from({ length: 300 }, () => {
      const start = random() < 0.1 ? pick([0, 0.25, 1.9999999999]) : 1_700_000_000_000 + random() * 100_000_000_000;
      const made: FinishedSpan = {
        traceId: hex(32),
        spanId: hex(16),
        name: pick(strings),
        kind: pick(['server', 'client'] as const),
        startTimeMs: start,
        endTimeMs: start + random() * 60_000,
        attributes: attributes(),
      };
      if (random() < 0.5) made.parentSpanId = hex(16);
      if (random() < 0.6) made.sharedAttributes = pick(sharedObjects);
      // An empty message is proto3's default: left out, so indistinguishable from none. Not generated.
      if (random() < 0.3) made.status = random() < 0.5 ? { code: 'error' } : { code: 'error', message: pick(strings.filter(Boolean)) };
      return made;
    });
    const fromJson = JSON.parse(encodeOtlpBody(spans, 'gateway é').toString('utf8'));
    const fromProtobuf = decode(encodeOtlpProtobufBody(spans, 'gateway é'));
    expect(fromProtobuf.resourceSpans[0].resource).toEqual(fromJson.resourceSpans[0].resource);
    expect(fromProtobuf.resourceSpans[0].scopeSpans[0].scope).toEqual(fromJson.resourceSpans[0].scopeSpans[0].scope);
    const protobufSpans = decodedSpans(fromProtobuf);
    const jsonSpans = decodedSpans(fromJson);
    expect(protobufSpans).toHaveLength(spans.length);
    // Field by field, so a difference names its span and field.
    for (let index = 0; index < spans.length; index += 1) {
      for (const field of ['traceId', 'spanId', 'parentSpanId', 'name', 'kind', 'startTimeUnixNano', 'endTimeUnixNano', 'attributes', 'status']) {
        expect({ span: index, field, value: protobufSpans[index][field] }).toEqual({ span: index, field, value: jsonSpans[index][field] });
      }
    }
  });
});

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
