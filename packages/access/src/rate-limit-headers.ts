import type { CheckLabel } from './limit-checks.js';

/** `1.5s`, `20ms`, `6m0s`: how OpenAI writes reset times in x-ratelimit-reset-*. */
export function formatReset(ms: number): string {
  if (ms < 1_000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const seconds = Math.ceil(ms / 1_000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}

/**
 * The OpenAI-style `x-ratelimit-{limit,remaining,reset}-{requests,tokens}` headers for the key's
 * own per-minute limits (the ones a client can act on), from the counters just checked.
 */
export function rateLimitHeaders(labels: CheckLabel[], limits: number[], remaining: number[], resetMs: number[], keyScope: string): Record<string, string> {
  const headers: Record<string, string> = {};
  labels.forEach((label, index) => {
    if (label.scope !== keyScope || (label.what !== 'requests' && label.what !== 'tokens')) return;
    headers[`x-ratelimit-limit-${label.what}`] = String(limits[index]);
    headers[`x-ratelimit-remaining-${label.what}`] = String(remaining[index]);
    headers[`x-ratelimit-reset-${label.what}`] = formatReset(resetMs[index]!);
  });
  return headers;
}
