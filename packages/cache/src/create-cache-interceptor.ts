import { type ChatOperations, type ChatRequest, type ChatResponse, InvalidRequestError, type StreamEvent } from '@switchyard/core';
import { exactCacheKey } from './cache-key.js';
import type { CacheAttemptInfo, CacheInterceptor, CacheStatus, CachedAnswer } from './cache-types.js';
import { collectStreamedAnswer } from './collect-streamed-answer.js';
import type { ExactCacheStore } from './exact-cache-store.js';
import { createMemoryCacheStore } from './memory-cache-store.js';
import { type CacheSettings, defaultMaxAgeSeconds, readCacheSettings } from './read-cache-settings.js';
import { replayCachedAnswer } from './replay-cached-answer.js';
import { savedCostUsd } from './saved-cost.js';
import type { SemanticCache } from './semantic-cache.js';
import { semanticRequestParts } from './semantic-request-parts.js';

export interface CacheInterceptorOptions {
  /** Exact-match entries. Default: an in-memory LRU of 1000 entries. */
  store?: ExactCacheStore;
  /** Required for `mode: "semantic"`. */
  semantic?: SemanticCache;
  /**
   * The tenant of a request: entries of one partition are never served to another. The gateway
   * app passes the gateway key's id (or a hash of the static key); '' means one shared partition.
   */
  partition?(info: CacheAttemptInfo): string;
  /** `max_age` when neither the config nor the request gives one. Default 7 days (Portkey's). */
  defaultMaxAgeSeconds?: number;
  /** A store or embeddings failure: the request goes on uncached. */
  onError?(error: unknown, during: 'lookup' | 'store'): void;
  now?: () => number;
}

/** Response headers: ours, and Portkey's alias so Portkey clients read theirs. */
export const cacheStatusHeaders = ['x-switchyard-cache-status', 'x-portkey-cache-status'] as const;
export const cacheSimilarityHeader = 'x-switchyard-cache-similarity';

type Lookup =
  | { kind: 'hit'; answer: CachedAnswer; similarity?: number }
  | { kind: 'miss'; save(answer: ChatResponse): Promise<void> }
  | { kind: 'off' };

/**
 * The response cache as a chat interceptor. It works on canonical data, so an answer stored
 * from an Anthropic-format stream is served to an OpenAI-format client and the other way round:
 * a hit is encoded in the client's format, a streamed hit replayed as a full canonical stream.
 * Only complete, successful answers are stored; a failure or a cut stream never is.
 */
export function createCacheInterceptor(options: CacheInterceptorOptions = {}): CacheInterceptor {
  const store = options.store ?? createMemoryCacheStore();
  const now = options.now ?? Date.now;
  const onError = options.onError ?? (() => {});
  const settingsOf = new WeakMap<CacheAttemptInfo, CacheSettings>();

  const report = (info: CacheAttemptInfo, status: CacheStatus) => {
    for (const header of cacheStatusHeaders) info.setHeader(header, status);
    info.record.cacheStatus = status;
  };

  const lookup = async (request: ChatRequest, info: CacheAttemptInfo, settings: CacheSettings): Promise<Lookup> => {
    if (!settings.lookup && !settings.store) {
      report(info, 'DISABLED');
      return { kind: 'off' };
    }
    const partition = options.partition?.(info) ?? '';
    const provider = info.target.entry.slug;
    const semantic = settings.mode === 'semantic' ? options.semantic : undefined;
    if (settings.mode === 'semantic' && !semantic) {
      throw new InvalidRequestError('Semantic caching is not configured on this gateway (cache.semantic in its config); use mode "simple".', { param: 'config.cache.mode' });
    }
    const parts = semantic ? semanticRequestParts(request, { partition, provider, embeddingModel: semantic.embeddingModel }) : undefined;
    const missStatus: CacheStatus = settings.lookup ? (parts ? 'SEMANTIC MISS' : 'MISS') : 'REFRESH';
    const maxAge = settings.maxAgeSeconds;

    if (semantic && parts) {
      let vector: number[] | undefined;
      try {
        if (settings.lookup) {
          const found = await semantic.lookup(parts.scope, parts.text, settings.threshold);
          if (found.hit) return { kind: 'hit', answer: found.answer, similarity: found.similarity };
          vector = found.vector;
        } else vector = await semantic.embed(parts.text);
      } catch (error) {
        onError(error, 'lookup');
      }
      report(info, missStatus);
      return { kind: 'miss', save: async (response) => (vector && settings.store ? semantic.store(parts.scope, vector, { response, storedAt: now() }, maxAge) : undefined) };
    }

    const key = exactCacheKey({ partition, provider, request });
    if (settings.lookup) {
      const answer = await store.get(key).catch((error: unknown) => void onError(error, 'lookup'));
      if (answer) return { kind: 'hit', answer };
    }
    report(info, missStatus);
    return { kind: 'miss', save: async (response) => (settings.store ? store.set(key, { response, storedAt: now() }, maxAge) : undefined) };
  };

  const serveHit = (info: CacheAttemptInfo, hit: Extract<Lookup, { kind: 'hit' }>) => {
    report(info, hit.similarity === undefined ? 'HIT' : 'SEMANTIC HIT');
    const usage = hit.answer.response.usage;
    if (usage) info.record.cacheSavedTokens = usage.input + usage.output;
    const cost = savedCostUsd(usage, info.target.entry.models?.[info.target.model]?.prices);
    if (cost !== undefined) info.record.cacheSavedCostUsd = cost;
    if (hit.similarity !== undefined) {
      info.record.cacheSimilarity = hit.similarity;
      info.setHeader(cacheSimilarityHeader, hit.similarity.toFixed(4));
    }
    return hit.answer.response;
  };

  const save = async (miss: Extract<Lookup, { kind: 'miss' }>, response: ChatResponse) => {
    if (response.finishReason.unified === 'error') return;
    await miss.save(response).catch((error: unknown) => onError(error, 'store'));
  };

  return {
    name: 'cache',
    appliesTo(info) {
      const settings = readCacheSettings(info.spec.extra.cache, info.request.headers, options.defaultMaxAgeSeconds ?? defaultMaxAgeSeconds);
      if (settings) settingsOf.set(info, settings);
      return settings !== undefined;
    },
    wrap(operations: ChatOperations, info): ChatOperations {
      const settings = settingsOf.get(info);
      if (!settings) return operations;
      return {
        async generate(request, context) {
          const found = await lookup(request, info, settings);
          if (found.kind === 'hit') return serveHit(info, found);
          const response = await operations.generate(request, context);
          if (found.kind === 'miss') await save(found, response);
          return response;
        },
        async stream(request, context) {
          const found = await lookup(request, info, settings);
          if (found.kind === 'hit') return { events: replay(serveHit(info, found)) };
          const started = await operations.stream(request, context);
          if (found.kind === 'off') return started;
          return { ...started, events: storeWhenComplete(started.events, (answer) => save(found, answer)) };
        },
      };
    },
    async close() {
      await Promise.all([store.close(), options.semantic?.close()]);
    },
  };
}

async function* replay(response: ChatResponse): AsyncGenerator<StreamEvent> {
  yield* replayCachedAnswer(response);
}

/**
 * Passes the events through and stores the assembled answer once the stream ended cleanly. A
 * stream that breaks (an error event, a throw) or that the client abandons (the consumer stops
 * iterating) stores nothing.
 */
async function* storeWhenComplete(events: AsyncIterable<StreamEvent>, save: (answer: ChatResponse) => Promise<void>): AsyncGenerator<StreamEvent> {
  const collector = collectStreamedAnswer();
  for await (const event of events) {
    collector.push(event);
    yield event;
  }
  const answer = collector.answer();
  if (answer) await save(answer);
}
