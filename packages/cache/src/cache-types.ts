import type { ChatOperations, ChatResponse, WireFormat } from '@switchyard/core';

/**
 * The parts of the server's `ChatAttemptInfo` the cache reads. The cache does not import
 * @switchyard/server (the server must never depend on the cache, and this package builds on
 * core alone); TypeScript's structural typing lets the gateway pass this interceptor to
 * `serveGateway` as a `ChatInterceptor` all the same.
 */
export interface CacheAttemptInfo {
  request: { headers: Record<string, string> };
  format: WireFormat;
  target: {
    entry: { slug: string; models?: Record<string, { prices?: ModelPrices }> };
    model: string;
  };
  spec: { extra: Record<string, unknown> };
  record: CacheRecordFields;
  setHeader(name: string, value: string): void;
}

/** USD per million tokens, as the catalog holds them. */
export interface ModelPrices {
  input?: number;
  output?: number;
  cachedInput?: number;
  cacheWrite?: number;
  reasoning?: number;
}

/** The request-log fields the cache fills (`RequestRecord` in @switchyard/server). */
export interface CacheRecordFields {
  /** A `CacheStatus`; typed as the request log types it. */
  cacheStatus?: string;
  /** Tokens (input + output) a hit did not spend upstream. */
  cacheSavedTokens?: number;
  /** What those tokens would have cost, when the catalog knows the model's prices. */
  cacheSavedCostUsd?: number;
  /** Cosine similarity of a semantic hit. */
  cacheSimilarity?: number;
}

/** Portkey's words, so Portkey clients read them unchanged. */
export type CacheStatus = 'HIT' | 'SEMANTIC HIT' | 'MISS' | 'SEMANTIC MISS' | 'REFRESH' | 'DISABLED';

/** The server's `ChatInterceptor`, structurally. */
export interface CacheInterceptor {
  readonly name: string;
  appliesTo(info: CacheAttemptInfo): boolean;
  wrap(operations: ChatOperations, info: CacheAttemptInfo): ChatOperations;
  /** Closes the stores (Redis connection, database handles). */
  close(): Promise<void>;
}

/** A stored answer: the canonical response, encoded in whichever format a later client speaks. */
export interface CachedAnswer {
  response: ChatResponse;
  /** Unix milliseconds. */
  storedAt: number;
}
