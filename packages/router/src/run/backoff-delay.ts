/**
 * Exponential backoff with full jitter: a uniform wait in [0, min(cap, base * 2^retryIndex)), so
 * clients that failed together do not retry together.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function fullJitterDelay(retryIndex: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** retryIndex);
  return random() * ceiling;
}
