import { describe, expect, it } from 'vitest';
import { newSpanId, newTraceId, otelTraceIdOf, parseTraceparent } from './trace-ids.js';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const spanId = '00f067aa0ba902b7';

describe('parseTraceparent', () => {
  it('reads a version 00 traceparent and its sampled flag', () => {
    expect(parseTraceparent(`00-${traceId}-${spanId}-01`)).toEqual({ traceId, spanId, sampled: true });
    expect(parseTraceparent(`00-${traceId}-${spanId}-00`)).toEqual({ traceId, spanId, sampled: false });
    // Only bit 0 of the flags means sampled.
    expect(parseTraceparent(`00-${traceId}-${spanId}-03`)?.sampled).toBe(true);
    expect(parseTraceparent(`00-${traceId}-${spanId}-02`)?.sampled).toBe(false);
  });

  it('rejects uppercase hex', () => {
    expect(parseTraceparent(`00-${traceId.toUpperCase()}-${spanId}-01`)).toBeUndefined();
    expect(parseTraceparent(`00-${traceId}-${spanId.toUpperCase()}-01`)).toBeUndefined();
    expect(parseTraceparent(`00-${traceId}-${spanId}-0A`)).toBeUndefined();
  });

  it('rejects all-zero ids', () => {
    expect(parseTraceparent(`00-${'0'.repeat(32)}-${spanId}-01`)).toBeUndefined();
    expect(parseTraceparent(`00-${traceId}-${'0'.repeat(16)}-01`)).toBeUndefined();
  });

  it('rejects a wrong version, length or layout', () => {
    expect(parseTraceparent(`ff-${traceId}-${spanId}-01`)).toBeUndefined();
    expect(parseTraceparent(`0g-${traceId}-${spanId}-01`)).toBeUndefined();
    // Version 00 has exactly four fields.
    expect(parseTraceparent(`00-${traceId}-${spanId}-01-extra`)).toBeUndefined();
    expect(parseTraceparent(`00-${traceId.slice(1)}-${spanId}-01`)).toBeUndefined();
    expect(parseTraceparent(`00-${traceId}-${spanId.slice(1)}-01`)).toBeUndefined();
    expect(parseTraceparent(`00-${traceId}0-${spanId}-01`)).toBeUndefined();
    expect(parseTraceparent(`00_${traceId}_${spanId}_01`)).toBeUndefined();
    expect(parseTraceparent(`00-${traceId}-${spanId}-0x`)).toBeUndefined();
    expect(parseTraceparent('')).toBeUndefined();
    expect(parseTraceparent(undefined)).toBeUndefined();
  });

  it('reads the known fields of a later version, as W3C asks', () => {
    expect(parseTraceparent(`01-${traceId}-${spanId}-01-future`)).toEqual({ traceId, spanId, sampled: true });
    expect(parseTraceparent(`01-${traceId}-${spanId}-01x`)).toBeUndefined();
  });
});

describe('trace and span ids', () => {
  it('are lowercase hex of the right length and unique across 10k draws', () => {
    const traceIds = new Set<string>();
    const spanIds = new Set<string>();
    for (let index = 0; index < 10_000; index += 1) {
      const trace = newTraceId();
      const span = newSpanId();
      expect(trace).toMatch(/^[0-9a-f]{32}$/);
      expect(span).toMatch(/^[0-9a-f]{16}$/);
      traceIds.add(trace);
      spanIds.add(span);
    }
    expect(traceIds.size).toBe(10_000);
    expect(spanIds.size).toBe(10_000);
  });

  it('parse back as a valid traceparent', () => {
    const trace = newTraceId();
    const span = newSpanId();
    expect(parseTraceparent(`00-${trace}-${span}-01`)).toEqual({ traceId: trace, spanId: span, sampled: true });
  });
});

describe('otelTraceIdOf', () => {
  it('reads a UUID without its dashes, and 32 hex digits as they are, in lowercase', () => {
    expect(otelTraceIdOf('019ac3f2-7d1b-7a3c-9e21-5f0c2b7d9a11')).toBe('019ac3f27d1b7a3c9e215f0c2b7d9a11');
    expect(otelTraceIdOf('019AC3F2-7D1B-7A3C-9E21-5F0C2B7D9A11')).toBe('019ac3f27d1b7a3c9e215f0c2b7d9a11');
    expect(otelTraceIdOf(traceId)).toBe(traceId);
    // One flat id per call, not a view of a shared buffer.
    const first = otelTraceIdOf('019ac3f2-7d1b-7a3c-9e21-5f0c2b7d9a11');
    otelTraceIdOf(traceId);
    expect(first).toBe('019ac3f27d1b7a3c9e215f0c2b7d9a11');
  });

  it('gives nothing for what is not such an id, or is all zeros', () => {
    for (const value of [undefined, '', 'my-trace-1', `${traceId}0`, '019ac3f2-7d1b-7a3c-9e21_5f0c2b7d9a11', '019ac3f2-7d1b-7a3c-9e21-5f0c2b7d9a1g', '0'.repeat(32), '00000000-0000-0000-0000-000000000000']) {
      expect(otelTraceIdOf(value), String(value)).toBeUndefined();
    }
  });
});
