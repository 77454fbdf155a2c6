import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import {
  type CacheAttemptInfo,
  type CacheInterceptor,
  type SemanticCache,
  createCacheInterceptor,
  createMemoryCacheStore,
  createPostgresSemanticEntryStore,
  createRedisCacheStore,
  createSemanticCache,
  createSqliteSemanticEntryStore,
} from '@switchyard/cache';
import type { HttpClient } from '@switchyard/core';
import type { ProviderCatalog } from '@switchyard/router';
import type { CacheConfig } from './cache-config-schema.js';
import { createCatalogEmbedder } from './create-catalog-embedder.js';

/**
 * The response cache for the gateway's chat routes. It always exists (a routing config's `cache`
 * block or an `x-switchyard-cache` header may switch it on for any request); the `cache` config
 * section picks its stores and enables semantic mode.
 */
export async function openCacheInterceptor(config: CacheConfig | undefined, catalog: ProviderCatalog, http: HttpClient, cwd: string = process.cwd()): Promise<CacheInterceptor> {
  const store = config?.store === 'redis' ? createRedisCacheStore({ url: config.redisUrl!, keyPrefix: config.keyPrefix }) : createMemoryCacheStore({ maxEntries: config?.maxEntries });
  let semantic: SemanticCache | undefined;
  try {
    const semanticConfig = config?.semantic;
    if (semanticConfig) {
      const entries =
        semanticConfig.store === 'postgres'
          ? await createPostgresSemanticEntryStore({ connectionString: semanticConfig.connectionString!, schema: semanticConfig.schema })
          : createSqliteSemanticEntryStore({ path: resolve(cwd, semanticConfig.path ?? '.switchyard/semantic-cache.db') });
      semantic = createSemanticCache({
        embed: createCatalogEmbedder(catalog, http, semanticConfig.embeddingModel),
        embeddingModel: semanticConfig.embeddingModel,
        entries,
        threshold: semanticConfig.threshold,
        maxEntries: semanticConfig.maxEntries,
      });
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  return createCacheInterceptor({
    store,
    semantic,
    partition: cachePartition,
    defaultMaxAgeSeconds: config?.defaultMaxAge,
    onError: (error, during) => process.emitWarning(`Response cache ${during} failed: ${error instanceof Error ? error.message : String(error)}`, 'SwitchyardCacheWarning'),
  });
}

/**
 * The tenant a cached answer belongs to: the managed key (packages/access) or static gateway key
 * the request was accepted with; without gateway keys, the provider key the client sent itself
 * (hashed — never stored); else one shared partition.
 */
export function cachePartition(info: CacheAttemptInfo & { record: { gatewayKeyId?: string } }): string {
  if (info.record.gatewayKeyId) return `key:${info.record.gatewayKeyId}`;
  const headers = info.request.headers;
  const presented = headers.authorization ?? headers['x-api-key'] ?? headers['api-key'] ?? headers['x-goog-api-key'];
  if (presented) return `client:${createHash('sha256').update(presented).digest('hex').slice(0, 16)}`;
  return '';
}
