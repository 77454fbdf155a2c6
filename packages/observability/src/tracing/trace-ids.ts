import { randomFillSync } from 'node:crypto';

// Ids are cut from a pool of random hex digits: 4 KiB of random bytes are drawn and turned into
// hex in one call each time the pool runs out. A crypto call per id cost more than the rest of a
// span, and a hex conversion per id (Buffer#toString with a range) still cost three times the cut.
const poolBytes = Buffer.allocUnsafe(4096);
let poolHex = '';
let poolOffset = 0;

function randomHex(bytes: number): string {
  const digits = bytes * 2;
  for (;;) {
    if (poolOffset + digits > poolHex.length) {
      randomFillSync(poolBytes);
      poolHex = poolBytes.toString('hex');
      poolOffset = 0;
    }
    const start = poolOffset;
    poolOffset += digits;
    // An all-zero id is invalid in W3C trace context; draw again (odds 2^-64 or less).
    for (let index = start; index < start + digits; index += 1) if (poolHex.charCodeAt(index) !== 48) return poolHex.slice(start, start + digits);
  }
}

/** A random 16-byte trace id, 32 lowercase hex characters. */
export function newTraceId(): string {
  return randomHex(16);
}

/** A random 8-byte span id, 16 lowercase hex characters. */
export function newSpanId(): string {
  return randomHex(8);
}

// A gateway trace id's digits are spelled here and read out as one flat string: the OTLP encoder
// reads ids a character at a time, which is slow on a string made by concatenation.
const spelled = Buffer.alloc(32);

/**
 * The OpenTelemetry trace id a request's own trace id stands for, so that the two match: a UUID
 * (the gateway's time-ordered ids, or one a client sent in `x-switchyard-trace-id`) without its
 * dashes, or 32 hex digits as they are, lowercased. Undefined for anything else, and for the
 * all-zero id W3C trace context forbids: the request's trace then gets a random id.
 */
export function otelTraceIdOf(requestTraceId: string | undefined): string | undefined {
  if (requestTraceId === undefined) return undefined;
  const length = requestTraceId.length;
  if (length !== 32 && length !== 36) return undefined;
  let at = 0;
  let nonZero = false;
  for (let index = 0; index < length; index += 1) {
    const code = requestTraceId.charCodeAt(index);
    if (length === 36 && (index === 8 || index === 13 || index === 18 || index === 23)) {
      if (code !== 45) return undefined;
      continue;
    }
    // Digits as they are; A-F lowercased (UUIDs may come in capitals); anything else is not an id.
    const lower = code >= 65 && code <= 70 ? code + 32 : code;
    if (!((lower >= 48 && lower <= 57) || (lower >= 97 && lower <= 102))) return undefined;
    if (lower !== 48) nonZero = true;
    spelled[at++] = lower;
  }
  return nonZero ? spelled.toString('latin1', 0, 32) : undefined;
}

/** The caller's span, as its W3C `traceparent` header names it. */
export interface RemoteParent {
  traceId: string;
  spanId: string;
  sampled: boolean;
}

/**
 * Reads a W3C `traceparent` (https://www.w3.org/TR/trace-context/#traceparent-header).
 * Anything invalid gives undefined: the request then starts a trace of its own.
 */
export function parseTraceparent(value: string | undefined): RemoteParent | undefined {
  if (!value) return undefined;
  const text = value.length === 55 ? value : value.trim();
  if (text.length < 55 || text.charCodeAt(2) !== 45 || text.charCodeAt(35) !== 45 || text.charCodeAt(52) !== 45) return undefined;
  if (!isLowerHex(text, 0, 2) || text.startsWith('ff')) return undefined;
  // Version 00 is exactly 55 characters; later versions may append `-`-separated fields, which are ignored.
  if (text.length > 55 && (text.startsWith('00') || text.charCodeAt(55) !== 45)) return undefined;
  if (!isLowerHex(text, 3, 35) || !isLowerHex(text, 36, 52) || !isLowerHex(text, 53, 55)) return undefined;
  if (isAllZero(text, 3, 35) || isAllZero(text, 36, 52)) return undefined;
  return { traceId: text.slice(3, 35), spanId: text.slice(36, 52), sampled: (hexDigit(text.charCodeAt(54)) & 1) === 1 };
}

function isLowerHex(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 102))) return false;
  }
  return true;
}

function isAllZero(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) if (text.charCodeAt(index) !== 48) return false;
  return true;
}

function hexDigit(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}
