import { describe, expect, it } from 'vitest';
import type { FinishedSpan } from './finished-span.js';
import { encodeOtlpBody, encodeOtlpTraces, millisecondsToNanoseconds } from './otlp-json.js';

const span: FinishedSpan = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  name: 'chat "quoted" \u2028 model',
  kind: 'server',
  startTimeMs: 1_700_000_000_000,
  endTimeMs: 1_700_000_000_001,
  attributes: {},
};

describe('encodeOtlpTraces', () => {
  it('puts resource attributes after service.name, escaped, and leaves out a second service.name', () => {
    const parsed = JSON.parse(encodeOtlpTraces([span], 'gw', { 'deployment.environment.name': 'prod "eu"', 'service.name': 'ignored', 'k8s.pod.name': 'gw-0' }));
    expect(parsed.resourceSpans[0].resource.attributes).toEqual([
      { key: 'service.name', value: { stringValue: 'gw' } },
      { key: 'deployment.environment.name', value: { stringValue: 'prod "eu"' } },
      { key: 'k8s.pod.name', value: { stringValue: 'gw-0' } },
    ]);
    expect(parsed.resourceSpans[0].scopeSpans[0].spans).toHaveLength(1);
  });

  it('keeps numbers JSON cannot hold, and odd strings, valid', () => {
    const body = encodeOtlpTraces([{ ...span, attributes: { nan: Number.NaN, up: Number.POSITIVE_INFINITY, down: Number.NEGATIVE_INFINITY, big: 2 ** 60, small: -3, half: 0.5, text: 'a"b\\c\n\ud800' } }], 'svc "x"');
    const parsed = JSON.parse(body);
    expect(parsed.resourceSpans[0].resource.attributes).toEqual([{ key: 'service.name', value: { stringValue: 'svc "x"' } }]);
    const encoded = parsed.resourceSpans[0].scopeSpans[0].spans[0];
    expect(encoded.name).toBe(span.name);
    expect(encoded.parentSpanId).toBeUndefined();
    expect(encoded.status).toBeUndefined();
    expect(Object.fromEntries(encoded.attributes.map((attribute: { key: string; value: unknown }) => [attribute.key, attribute.value]))).toEqual({
      nan: { doubleValue: 'NaN' },
      up: { doubleValue: 'Infinity' },
      down: { doubleValue: '-Infinity' },
      // Beyond 2^53 a double is no exact integer: it goes as a double.
      big: { doubleValue: 2 ** 60 },
      small: { intValue: '-3' },
      half: { doubleValue: 0.5 },
      text: { stringValue: 'a"b\\c\n\ud800' },
    });
  });

  it('leaves off attribute values OTLP cannot carry', () => {
    const attributes = { kept: 'yes', gone: undefined, none: null } as unknown as FinishedSpan['attributes'];
    const encoded = JSON.parse(encodeOtlpTraces([{ ...span, attributes }], 's')).resourceSpans[0].scopeSpans[0].spans[0];
    expect(encoded.attributes).toEqual([{ key: 'kept', value: { stringValue: 'yes' } }]);
  });

  it('writes an empty batch as a valid request', () => {
    expect(JSON.parse(encodeOtlpTraces([], 's')).resourceSpans[0].scopeSpans[0].spans).toEqual([]);
  });
});

describe('millisecondsToNanoseconds', () => {
  it('converts epoch milliseconds without losing the digits a double multiply would', () => {
    expect(millisecondsToNanoseconds(1_700_000_000_123)).toBe('1700000000123000000');
    expect(millisecondsToNanoseconds(1_700_000_000_123.25)).toBe('1700000000123250000');
    // A double holds epoch ms to ~0.25 µs: the result is within a microsecond of the exact value.
    const error = BigInt(millisecondsToNanoseconds(1_700_000_000_123.001)) - 1_700_000_000_123_001_000n;
    expect(error >= -1000n && error <= 1000n).toBe(true);
    expect(millisecondsToNanoseconds(0.5)).toBe('500000');
    expect(millisecondsToNanoseconds(0)).toBe('0');
    expect(millisecondsToNanoseconds(Number.NaN)).toBe('0');
    // A fraction that rounds up to a whole millisecond carries.
    expect(millisecondsToNanoseconds(1.9999999999)).toBe('2000000');
  });

  it('writes the body as UTF-8 bytes, growing its buffer for long non-ASCII values, with shared attributes before the span\'s own', () => {
    const shared = Object.freeze({ 'gen_ai.request.model': 'modèle', 'http.response.status_code': 200 });
    const spans: FinishedSpan[] = [
      { ...span, attributes: { own: 1 }, sharedAttributes: shared },
      { ...span, spanId: 'b7ad6b7169203331', attributes: { content: '€'.repeat(5000) }, sharedAttributes: shared },
      { ...span, spanId: 'c7ad6b7169203331', attributes: {}, sharedAttributes: shared },
    ];
    const body = encodeOtlpBody(spans, 'svc');
    const decoded = JSON.parse(body.toString('utf8')).resourceSpans[0].scopeSpans[0].spans;
    const attributesOf = (encoded: { attributes: Array<{ key: string; value: unknown }> }) => Object.fromEntries(encoded.attributes.map((attribute) => [attribute.key, attribute.value]));
    expect(attributesOf(decoded[0])).toEqual({ 'gen_ai.request.model': { stringValue: 'modèle' }, 'http.response.status_code': { intValue: '200' }, own: { intValue: '1' } });
    expect(attributesOf(decoded[1]).content).toEqual({ stringValue: '€'.repeat(5000) });
    expect(attributesOf(decoded[2])).toEqual({ 'gen_ai.request.model': { stringValue: 'modèle' }, 'http.response.status_code': { intValue: '200' } });
  });
});
