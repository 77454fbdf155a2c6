/**
 * Whether a new trace is recorded, from its id alone, as OpenTelemetry's TraceIdRatioBased sampler
 * decides it (the four 32-bit words of the id XORed, compared with ratio × 2^32): every service
 * sampling at the same ratio keeps the same traces.
 */
export function createTraceIdRatioSampler(ratio: number | undefined): (traceId: string) => boolean {
  if (ratio === undefined || ratio >= 1) return () => true;
  // NaN and negatives sample nothing, as the SDK's sampler normalised them.
  if (!(ratio > 0)) return () => false;
  const upperBound = Math.floor(ratio * 0xffffffff);
  return (traceId) => accumulate(traceId) < upperBound;
}

function accumulate(traceId: string): number {
  let accumulation = 0;
  for (let word = 0; word < 32; word += 8) accumulation = (accumulation ^ Number.parseInt(traceId.slice(word, word + 8), 16)) >>> 0;
  return accumulation;
}
