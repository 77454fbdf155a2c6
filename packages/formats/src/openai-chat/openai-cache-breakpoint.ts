import type { CacheHint, Warning } from '@switchyard/core';

/**
 * OpenAI's explicit prompt-cache breakpoint on a content part, shared by the Chat Completions and
 * Responses encoders. OpenAI sets the TTL per request, so a per-part TTL is dropped with a warning.
 */
export function withCacheBreakpoint(part: Record<string, unknown>, cache: CacheHint | undefined, path: string, warnings: Warning[]): Record<string, unknown> {
  if (!cache) return part;
  if (cache.ttl !== undefined) {
    warnings.push({
      type: 'unsupported-value',
      field: `${path}.cache.ttl`,
      message: 'OpenAI sets the cache TTL for the whole request (prompt_cache_options.ttl); the per-part TTL was dropped.',
    });
  }
  part.prompt_cache_breakpoint = { mode: 'explicit' };
  return part;
}
