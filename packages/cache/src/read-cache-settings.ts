import { InvalidRequestError } from '@switchyard/core';

export type CacheMode = 'simple' | 'semantic';

/** What the cache does for one request, from the routing config's `cache` block and the request headers. */
export interface CacheSettings {
  mode: CacheMode;
  maxAgeSeconds: number;
  /** Look for a stored answer (false with force-refresh, `no-cache` and `no-store`). */
  lookup: boolean;
  /** Store a fresh answer (false with `no-store`). */
  store: boolean;
  /** A per-config similarity threshold for semantic mode (`cache.threshold`, ours: Portkey has none). */
  threshold?: number;
}

/** Portkey's default `max_age`: 7 days. */
export const defaultMaxAgeSeconds = 7 * 24 * 60 * 60;

/**
 * Reads the cache settings of one request. The routing config's `cache` block (Portkey's format:
 * `{ mode: "simple" | "semantic", max_age: <seconds> }`) turns caching on; so does the header
 * `x-switchyard-cache: simple | semantic`. Undefined when neither asks for it.
 */
export function readCacheSettings(configBlock: unknown, headers: Readonly<Record<string, string>>, fallbackMaxAge = defaultMaxAgeSeconds): CacheSettings | undefined {
  const fromConfig = readConfigBlock(configBlock);
  const headerMode = gatewayHeader(headers, 'cache');
  const mode = headerMode !== undefined ? parseMode(headerMode, 'x-switchyard-cache') : fromConfig?.mode;
  if (!mode) return undefined;
  const cacheControl = (headers['cache-control'] ?? '').toLowerCase().split(',').map((directive) => directive.trim());
  const headerMaxAge = gatewayHeader(headers, 'cache-max-age') ?? cacheControl.find((directive) => directive.startsWith('max-age='))?.slice('max-age='.length);
  const maxAgeSeconds = headerMaxAge !== undefined ? parseMaxAge(headerMaxAge, 'x-switchyard-cache-max-age') : (fromConfig?.maxAge ?? fallbackMaxAge);
  const noStore = cacheControl.includes('no-store');
  const forceRefresh = /^(true|1|yes)$/i.test(gatewayHeader(headers, 'cache-force-refresh') ?? '') || cacheControl.includes('no-cache');
  return { mode, maxAgeSeconds, lookup: !noStore && !forceRefresh, store: !noStore, threshold: fromConfig?.threshold };
}

function readConfigBlock(block: unknown): { mode?: CacheMode; maxAge?: number; threshold?: number } | undefined {
  if (block === undefined || block === null) return undefined;
  // Portkey's older shorthand: `cache: "simple"`.
  if (typeof block === 'string') return { mode: parseMode(block, 'config.cache') };
  if (typeof block !== 'object' || Array.isArray(block)) throw new InvalidRequestError('Invalid config.cache: expected an object such as {"mode": "simple", "max_age": 3600}.', { param: 'config.cache' });
  const { mode, max_age: maxAgeSnake, maxAge: maxAgeCamel, threshold } = block as Record<string, unknown>;
  const maxAge = maxAgeSnake ?? maxAgeCamel;
  if (threshold !== undefined && (typeof threshold !== 'number' || threshold < -1 || threshold > 1)) {
    throw new InvalidRequestError('Invalid config.cache.threshold: expected a cosine similarity between -1 and 1 (e.g. 0.95).', { param: 'config.cache.threshold' });
  }
  return {
    mode: mode === undefined ? undefined : parseMode(mode, 'config.cache.mode'),
    maxAge: maxAge === undefined ? undefined : parseMaxAge(maxAge, 'config.cache.max_age'),
    threshold: threshold as number | undefined,
  };
}

function parseMode(value: unknown, param: string): CacheMode {
  if (value === 'simple' || value === 'semantic') return value;
  throw new InvalidRequestError(`Invalid ${param}: expected "simple" or "semantic", got ${JSON.stringify(value)}.`, { param });
}

function parseMaxAge(value: unknown, param: string): number {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0) return seconds;
  throw new InvalidRequestError(`Invalid ${param}: expected a positive number of seconds, got ${JSON.stringify(value)}.`, { param });
}

/** `x-switchyard-<name>`, or Portkey's `x-portkey-<name>` alias. */
function gatewayHeader(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  return headers[`x-switchyard-${name}`] ?? headers[`x-portkey-${name}`];
}
