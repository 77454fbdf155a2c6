import { describe, expect, it } from 'vitest';
import { retryAfterDelayMs } from './retry-after-delay.js';

const now = Date.parse('2026-01-01T00:00:00Z');

describe('retryAfterDelayMs', () => {
  it('reads retry-after in seconds', () => {
    expect(retryAfterDelayMs({ 'retry-after': '3' }, now)).toBe(3_000);
    expect(retryAfterDelayMs({ 'retry-after': ' 1.5 ' }, now)).toBe(1_500);
  });
  it('reads retry-after as an HTTP date, never negative', () => {
    expect(retryAfterDelayMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:07 GMT' }, now)).toBe(7_000);
    expect(retryAfterDelayMs({ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }, now)).toBe(0);
  });
  it('prefers retry-after-ms and Azure’s x-ms-retry-after-ms', () => {
    expect(retryAfterDelayMs({ 'retry-after-ms': '250', 'retry-after': '9' }, now)).toBe(250);
    expect(retryAfterDelayMs({ 'x-ms-retry-after-ms': '40' }, now)).toBe(40);
  });
  it('reads header names in any case', () => {
    expect(retryAfterDelayMs({ 'Retry-After': '2' }, now)).toBe(2_000);
  });
  it('ignores missing and garbled values', () => {
    expect(retryAfterDelayMs({}, now)).toBeUndefined();
    expect(retryAfterDelayMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(retryAfterDelayMs({ 'retry-after-ms': '-5' }, now)).toBeUndefined();
    expect(retryAfterDelayMs({ 'retry-after-ms': 'x', 'retry-after': '1' }, now)).toBe(1_000);
  });
});
