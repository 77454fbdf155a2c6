/** A freshly issued token: the value and how long it lives. */
export interface IssuedToken {
  token: string;
  expiresInSeconds: number;
}

export interface TokenCacheOptions {
  /** The clock, in milliseconds since the epoch (tests move it). Default `Date.now`. */
  now?: () => number;
  /** A token is renewed this long before it expires, so no call goes out with a dying token. Default 5 minutes. */
  refreshMarginMs?: number;
  /** The most credentials remembered; the least recently used one is forgotten first. Default 100. */
  maxEntries?: number;
}

/**
 * Access tokens per credential (a service account), kept until shortly before they expire.
 * Concurrent callers needing a new token share one exchange. A failed exchange is not cached.
 * Keys are derived by the caller (a hash, never the key material itself).
 */
export interface TokenCache {
  /** A cached token still good past the refresh margin, or the one `issue` returns. */
  get(key: string, issue: () => Promise<IssuedToken>): Promise<string>;
  /** Forgets a token the upstream refused (revoked before it expired). */
  delete(key: string): void;
  clear(): void;
  readonly size: number;
}

interface Entry {
  token: string;
  expiresAt: number;
}

export function createTokenCache(options: TokenCacheOptions = {}): TokenCache {
  const now = options.now ?? Date.now;
  const margin = options.refreshMarginMs ?? 5 * 60_000;
  const maxEntries = Math.max(1, options.maxEntries ?? 100);
  // A Map keeps insertion order: re-inserting on use makes the first key the least recently used.
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<string>>();

  const remember = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };

  return {
    get(key, issue) {
      const entry = entries.get(key);
      if (entry && now() < entry.expiresAt - margin) {
        remember(key, entry);
        return Promise.resolve(entry.token);
      }
      const inFlight = pending.get(key);
      if (inFlight) return inFlight;
      // The lifetime counts from before the exchange, so network time only shortens it.
      const requestedAt = now();
      const exchange = issue()
        .then((issued) => {
          remember(key, { token: issued.token, expiresAt: requestedAt + issued.expiresInSeconds * 1000 });
          return issued.token;
        })
        .finally(() => pending.delete(key));
      pending.set(key, exchange);
      return exchange;
    },
    delete(key) {
      entries.delete(key);
    },
    clear() {
      entries.clear();
      pending.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
